using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// IDP_BUILD_NATIVE chooses the Native AOT build; a value it does not know stops the script before anything is
/// compiled. The native build itself runs the sample's golden path in Idp.Build.Components.Tests (Native/).
/// </summary>
[Collection(BootstrapperCollection.Name)]
public sealed class NativeBuildSetting : IDisposable
{
    private readonly ThrowawayRepository _repository = new(ThrowawayRepository.BashScript);

    [Fact]
    public void An_unknown_IDP_BUILD_NATIVE_value_is_an_error_that_names_the_valid_ones_and_compiles_nothing()
    {
        var result = _repository.Run(new Dictionary<string, string?> { ["IDP_BUILD_NATIVE"] = "fast" }, ["Echo"]);

        result.ExitCode.ShouldBe(2, result.All);
        result.Error.ShouldContain("IDP_BUILD_NATIVE is 'fast'; use on (compile the build with Native AOT) or off (the default).");
        result.Output.ShouldNotContain(ThrowawayRepository.BuildingMessage);
        Directory.Exists(_repository.Root / "build" / "bin-native").ShouldBeFalse();
        File.Exists(_repository.BuiltAssembly).ShouldBeFalse();
    }

    public void Dispose() => _repository.Dispose();
}
