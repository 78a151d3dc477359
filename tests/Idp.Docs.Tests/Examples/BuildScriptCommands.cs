using System.Text.RegularExpressions;
using Idp.Docs.Tests.Coverage;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// The <c>./build.sh</c> commands of the docs that are cheap to run: <c>--help</c> and <c>--plan</c> of the sample
/// service (a golden-path repository), and the plans of this repository's heavy targets.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class BuildScriptCommands
{
    private const string GoldenPathPage = "docs/golden-path.md";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    // Unlisted in --help by design: they run when another target needs them.
    private static readonly string[] UnlistedTargets = ["SonarBegin", "BaseImage"];

    private static string Sample => RepositoryRoot.Path / "samples" / "hello-service";

    [Fact]
    [RunsCommand("./build.sh --help", Page = GoldenPathPage)]
    public void The_golden_path_page_describes_exactly_the_targets_help_lists()
    {
        var command = MarkdownCommands.Find(GoldenPathPage, "./build.sh --help");

        var help = Shell.Run(command.Text, Sample, Limit).ShouldSucceed();

        var listed = HelpTarget().Matches(help.Output[..help.Output.IndexOf("Parameters", StringComparison.Ordinal)])
            .Select(m => m.Groups["name"].Value).ToHashSet();
        var described = DescribedTargets();
        listed.ShouldNotBeEmpty(help.ToString());
        listed.Except(described).ShouldBeEmpty($"{GoldenPathPage} has no row for these targets that --help lists");
        described.Except(listed).ShouldBe(UnlistedTargets, ignoreOrder: true, $"{GoldenPathPage} describes targets --help does not list");
    }

    [Fact]
    [RunsCommand("./build.sh Deploy --plan", Page = GoldenPathPage)]
    public void The_deploy_plan_is_the_one_the_golden_path_page_shows()
    {
        var command = MarkdownCommands.Find(GoldenPathPage, "./build.sh Deploy --plan");
        command.ShownOutput.ShouldNotBeEmpty();

        Shell.Run(command.Text, Sample, Limit).ShouldSucceed().ShouldShow(command.ShownOutput);
    }

    [Theory]
    [InlineData("./build.sh Demo", "Demo", "Prerequisites")]
    [InlineData("./build.sh Test", "Test", "Prerequisites")]
    [InlineData("./build.sh Pack", "Pack", "Compile")]
    [RunsCommand("./build.sh Demo", PlanOnly = true)]
    [RunsCommand("./build.sh Test", PlanOnly = true)]
    [RunsCommand("./build.sh Pack", PlanOnly = true)]
    public void A_heavy_command_of_this_repository_plans_the_targets_the_docs_name(string command, string target, string dependency)
    {
        MarkdownCommands.All().ShouldContain(c => c.Normalized == command && c.Page != GoldenPathPage);

        var plan = Shell.Run(command + " --plan", RepositoryRoot.Path, Limit).ShouldSucceed();

        plan.Output.ShouldMatch($@"\d+\. {target}\b", plan.ToString());
        plan.Output.ShouldMatch($@"\d+\. {dependency}\b", plan.ToString());
    }

    private static HashSet<string> DescribedTargets()
    {
        var page = File.ReadAllText(RepositoryRoot.Path / GoldenPathPage);
        return TableFirstColumn().Matches(page)
            .SelectMany(m => TargetName().Matches(m.Groups["cell"].Value))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet();
    }

    [GeneratedRegex(@"^ {2}[ *](?<name>[A-Z]\w+) ", RegexOptions.Multiline)]
    private static partial Regex HelpTarget();

    [GeneratedRegex(@"^\| (?<cell>`[A-Z][^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex TableFirstColumn();

    [GeneratedRegex(@"`(?<name>[A-Z]\w+)`")]
    private static partial Regex TargetName();
}
