namespace Idp.Build.Tests.Bootstrapper;

/// <summary>The bootstrappers hand every argument to the build as it was given, and return the build's exit code.</summary>
[Collection(BootstrapperCollection.Name)]
public class ArgumentForwarding(BuiltRepositories repositories)
{
    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Arguments_with_spaces_quotes_and_shell_characters_arrive_unchanged(string script)
    {
        string[] words = ["two words", "say \"hi\"", "it's", "$HOME", "~", "*", "a;b|c"];

        var result = repositories.For(script).Run(["Echo", "--words", .. words]);

        result.ExitCode.ShouldBe(0, result.All);
        Lines(result.Output, "arg: ").ShouldBe(["Echo", "--words", .. words]);
        result.Output.ShouldContain($"words: {words.Length}, message:");
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript, "Echo", 0)]
    [InlineData(ThrowawayRepository.BashScript, "Fail", 1)]
    [InlineData(ThrowawayRepository.BashScript, "Ech", 2)]
    [InlineData(ThrowawayRepository.PowerShellScript, "Echo", 0)]
    [InlineData(ThrowawayRepository.PowerShellScript, "Fail", 1)]
    [InlineData(ThrowawayRepository.PowerShellScript, "Ech", 2)]
    public void The_exit_code_is_the_builds(string script, string target, int exitCode)
    {
        var result = repositories.For(script).Run(target);

        result.ExitCode.ShouldBe(exitCode, result.All);
        if (target == "Fail")
            result.All.ShouldContain("Fail always fails");
        if (target == "Ech")
            result.All.ShouldContain("Echo", customMessage: "an unknown target is answered with a suggestion");
    }

    private static string[] Lines(string output, string prefix) =>
        [.. output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l[prefix.Length..].TrimStart('<').TrimEnd('>'))];
}
