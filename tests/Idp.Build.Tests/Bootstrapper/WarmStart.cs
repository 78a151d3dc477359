namespace Idp.Build.Tests.Bootstrapper;

/// <summary>When nothing the build project is compiled from has changed, the bootstrappers run the built assembly as it is.</summary>
[Collection(BootstrapperCollection.Name)]
public class WarmStart(BuiltRepositories repositories)
{
    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void A_warm_help_does_not_rebuild(string script)
    {
        var repository = repositories.For(script);
        // Another test may have left a change behind; this run takes it in.
        repository.Run("--help").ExitCode.ShouldBe(0);
        var builtAt = File.GetLastWriteTimeUtc(repository.BuiltAssembly);

        var result = repository.Run("--help");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldNotContain(ThrowawayRepository.BuildingMessage);
        result.Output.ShouldContain("Echo");
        File.GetLastWriteTimeUtc(repository.BuiltAssembly).ShouldBe(builtAt);
    }
}
