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

    [Fact]
    public void Every_option_the_pages_name_exists()
    {
        var known = new[]
            {
                Shell.Run("./build.sh --help", Sample, Limit).ShouldSucceed().Output,
                Shell.Run("./build.sh --help", RepositoryRoot.Path, Limit).ShouldSucceed().Output,
            }
            .SelectMany(help => HelpOption().Matches(help).Select(m => m.Groups["option"].Value))
            .Concat(TemplateOptions())
            .Concat(DoraOptions())
            .Concat(AdoptOptions())
            .Concat(NotOurs)
            .Select(Canonical)
            .ToHashSet(StringComparer.Ordinal);

        var unknown = MarkdownPages.All()
            .SelectMany(page => File.ReadAllLines(RepositoryRoot.Path / page).Select((line, i) => (page, line: i + 1, text: line)))
            .SelectMany(l => InlineCommand().Matches(l.text).SelectMany(code => Option().Matches(code.Value))
                .Select(option => (l.page, l.line, option: option.Value)))
            .Where(o => !known.Contains(Canonical(o.option)))
            .Select(o => $"{o.page}:{o.line}: {o.option}")
            .ToList();

        unknown.ShouldBeEmpty("These options are in no --help, template or Idp.Dora option list:\n" + string.Join('\n', unknown));
    }

    // Options of other tools the pages quote (docker run --network, docker build --build-arg and --no-cache, dotnet tool exec --source) and the engine page's placeholders.
    private static readonly string[] NotOurs = ["--network", "--build-arg", "--no-cache", "--source", "--option", "--flag"];

    // The engine ignores case and dashes in option names (docs/engine/README.md#parameters).
    private static string Canonical(string option) => option.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    private static IEnumerable<string> TemplateOptions()
    {
        var template = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(
            RepositoryRoot.Path / "src" / "Idp.Templates" / "content" / "idp-service" / ".template.config" / "template.json"))!;
        var parameters = template["symbols"]!.AsObject().Where(s => (string?)s.Value!["type"] == "parameter").Select(s => "--" + s.Key);
        return [.. parameters, "--name", "--output"];
    }

    private static IEnumerable<string> AdoptOptions()
    {
        using var help = new StringWriter();
        Idp.Adopt.AdoptCommand.Run(["--help"], RepositoryRoot.Path, help, TextWriter.Null).ShouldBe(Idp.Adopt.AdoptCommand.Adopted);
        return HelpOption().Matches(help.ToString()).Select(m => m.Groups["option"].Value);
    }

    private static IEnumerable<string> DoraOptions() =>
        DoraOptionRow().Matches(File.ReadAllText(RepositoryRoot.Path / "docs" / "platform-operations.md")).Select(m => m.Groups["option"].Value);

    private static HashSet<string> DescribedTargets()
    {
        var page = File.ReadAllText(RepositoryRoot.Path / GoldenPathPage);
        return TableFirstColumn().Matches(page)
            .SelectMany(m => TargetName().Matches(m.Groups["cell"].Value))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet();
    }

    [GeneratedRegex(@"^\s+(?<option>--[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex HelpOption();

    // An inline code span that is an option or a ./build.sh command.
    [GeneratedRegex(@"`(?:--|\./build\.sh )[^`]*`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"(?<![\w-])--[A-Za-z][A-Za-z-]*")]
    private static partial Regex Option();

    // The option column of the Idp.Dora table, which DoraExamples checks against DoraOptions.
    [GeneratedRegex(@"^\| `(?<option>--[a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex DoraOptionRow();

    [GeneratedRegex(@"^ {2}[ *](?<name>[A-Z]\w+) ", RegexOptions.Multiline)]
    private static partial Regex HelpTarget();

    [GeneratedRegex(@"^\| (?<cell>`[A-Z][^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex TableFirstColumn();

    [GeneratedRegex(@"`(?<name>[A-Z]\w+)`")]
    private static partial Regex TargetName();
}
