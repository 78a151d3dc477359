using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.EndToEnd;

/// <summary>A [Secret] printed through every route the build has must come out as ***.</summary>
public class SecretMasking
{
    private const string Canary = "canary-7f3a9c-s3cr3t";

    [Theory]
    [InlineData("sequential")]
    [InlineData("parallel")]
    public void The_secret_never_appears_in_any_output(string mode)
    {
        using var root = new TempDirectory();
        string[] parallel = mode == "parallel" ? ["--parallel", "2"] : [];

        var result = BuildProcess.Design(root, ["Secret", "Restore", "--token", Canary, "--fail-targets", "Secret", .. parallel]);

        result.ExitCode.ShouldBe(1);
        foreach (var route in new[] { "console out: ***", "char by char: ***", "log: ***", "warning: ***", "child out: ***", "exception: ***" })
            result.Output.ShouldContain(route);
        // Sequentially stderr stays stderr; in parallel it is part of the target's one block on stdout.
        foreach (var route in new[] { "console error: ***", "child err: ***" })
            (mode == "parallel" ? result.Output : result.Error).ShouldContain(route);
        result.All.ShouldNotContain(Canary);
        foreach (var file in Directory.GetFiles(root.Path / ".nuke" / "temp", "*", SearchOption.AllDirectories))
            File.ReadAllText(file).ShouldNotContain(Canary, customMessage: file);
    }

    [Fact]
    public void A_secret_from_the_environment_is_masked_too()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, new Dictionary<string, string?> { ["IDP_TOKEN"] = Canary }, "Secret");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain("console out: ***");
        result.Output.ShouldMatch(@"Secret\s+│ Succeeded\s+│ [\d.]+ s\s+│ note: \*\*\*");
        result.All.ShouldNotContain(Canary);
    }
}
