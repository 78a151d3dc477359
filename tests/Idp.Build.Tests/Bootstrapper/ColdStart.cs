namespace Idp.Build.Tests.Bootstrapper;

/// <summary>The first run in a fresh clone: nothing is built yet.</summary>
[Collection(BootstrapperCollection.Name)]
public class ColdStart(BuiltRepositories repositories)
{
    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void A_cold_run_builds_the_build_project_and_then_runs_it(string script)
    {
        var result = repositories.ColdRun(script);

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        result.Output.ShouldContain("arg: <cold>");
        result.Output.ShouldContain("words: 1, message: first");
        result.Output.IndexOf(ThrowawayRepository.BuildingMessage, StringComparison.Ordinal)
            .ShouldBeLessThan(result.Output.IndexOf("arg: <cold>", StringComparison.Ordinal), "the build project is built before it runs");
        File.Exists(repositories.For(script).BuiltAssembly).ShouldBeTrue();
    }
}
