using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// A CI cache keeps <c>build/bin</c> between jobs and restores it into a fresh checkout, maybe at another path. The
/// compiled build carries the fingerprint of the sources it was compiled from, so the bootstrappers run it when the
/// sources match and compile again when they do not, whatever the files' times say.
/// </summary>
[Collection(BootstrapperCollection.Name)]
public class CachedBuilds(BuiltRepositories repositories)
{
    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void A_fresh_checkout_elsewhere_runs_the_build_restored_from_the_cache_without_compiling(string script)
    {
        var cached = repositories.For(script);
        cached.WriteMessage("from the cache");
        cached.Run("Echo").ExitCode.ShouldBe(0);
        using var checkout = ThrowawayRepository.CheckoutOf(cached);
        if (script == ThrowawayRepository.PowerShellScript)
            checkout.RestoreTools();
        checkout.RestoreBuildOutput(cached.BuildOutput);

        var result = checkout.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldNotContain(ThrowawayRepository.BuildingMessage);
        result.Output.ShouldContain("message: from the cache");
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void A_build_of_other_sources_put_in_place_after_the_last_run_is_compiled_again(string script)
    {
        var repository = repositories.For(script);
        using var older = new TempDirectory();
        repository.WriteMessage("older sources");
        repository.Run("Echo").ExitCode.ShouldBe(0);
        ThrowawayRepository.CopyEverything(repository.BuildOutput, older.Path / "bin");
        repository.WriteMessage("current sources");
        repository.Run("Echo").ExitCode.ShouldBe(0);
        // Restored now, the older build's files are newer than every source and than the checkout's own stamp.
        repository.RestoreBuildOutput(older.Path / "bin");

        var result = repository.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        result.Output.ShouldContain("message: current sources");
    }
}
