using System.Reflection;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Coverage;

/// <summary>
/// Every command in README.md and docs/ is run by a test: a doc test of this project that names it with
/// <see cref="RunsCommandAttribute"/>, or an existing test named in <see cref="MappedCommands"/>.
/// </summary>
public sealed class EveryCommandIsRun
{
    private static readonly IReadOnlyList<RunsCommandAttribute> DocTests = typeof(EveryCommandIsRun).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .SelectMany(m => m.GetCustomAttributes<RunsCommandAttribute>())
        .ToList();

    [Fact]
    public void Every_command_in_the_docs_is_run_by_a_test()
    {
        var commands = MarkdownCommands.All();
        commands.ShouldNotBeEmpty();

        var unrun = commands.Where(c => !IsExecuted(c) && !IsMapped(c)).Select(c => c.ToString()).ToList();

        unrun.ShouldBeEmpty(
            "These commands of the docs are run by no test. Run each in a doc test marked [RunsCommand(\"…\")], " +
            "or, when it needs Docker or a cluster, add it with the tests that run it to MappedCommands:\n" + string.Join('\n', unrun));
    }

    [Fact]
    public void Every_plan_only_check_has_a_mapped_test_too()
    {
        var planOnly = DocTests.Where(a => a.PlanOnly).Select(a => MarkdownCommands.Normalize(a.Command));

        planOnly.Where(c => !MappedCommands.All.Any(m => Matches(m.Command, c))).ShouldBeEmpty();
    }

    [Fact]
    public void Every_command_a_test_claims_is_in_the_docs()
    {
        var documented = MarkdownCommands.All();
        var claimed = DocTests.Select(a => (a.Command, a.Page))
            .Concat(MappedCommands.All.Select(m => (m.Command, Page: (string?)null)));

        var stale = claimed.Where(c => !documented.Any(d => Matches(c.Command, d.Normalized) && (c.Page is null || c.Page == d.Page)))
            .Select(c => $"{c.Page ?? "(any page)"}: {c.Command}")
            .ToList();

        stale.ShouldBeEmpty("These commands are claimed by a test but no longer in the docs; remove the claim or fix the command:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Every_mapped_test_exists_as_a_fact_or_theory()
    {
        var missing = MappedCommands.All.SelectMany(m => m.Tests).Where(t => !TestMethodExists(t)).ToList();

        missing.ShouldBeEmpty("MappedCommands names tests that do not exist (or are not [Fact]/[Theory]):\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_overriding_example_is_the_build_the_overrides_test_runs()
    {
        const string overrides = "Idp.Build.Components.Tests.GoldenPath.Overrides.The_documented_overrides_keep_dependencies_change_settings_and_add_a_target";

        MarkdownPages.Blocks("docs/overriding.md").ShouldContain(b => b.Language == "csharp" && b.Marker == "overrides-example",
            "the Overrides test reads the csharp block under <!-- overrides-example -->");
        TestMethodExists(overrides).ShouldBeTrue(overrides);
    }

    [Fact]
    public void The_extractor_joins_continuations_and_reads_console_output()
    {
        var block = new CodeBlock("docs/x.md", "console", 10,
            ["$ curl -s -X POST http://h/api --data '{", "    \"a\": 1 }'", "{\"accepted\":1}", "$ ./build.sh --help   # lists targets", "Targets", "$ cd ../x"], null);

        var commands = MarkdownCommands.Read(block).ToList();

        commands.Select(c => (c.Line, c.Normalized)).ShouldBe([(10, "curl -s -X POST http://h/api --data '{ \"a\": 1 }'"), (13, "./build.sh --help")]);
        commands[0].ShownOutput.ShouldBe(["{\"accepted\":1}"]);
        commands[1].ShownOutput.ShouldBe(["Targets"]);
    }

    private static bool IsExecuted(DocCommand command) =>
        DocTests.Any(a => !a.PlanOnly && Matches(a.Command, command.Normalized) && (a.Page is null || a.Page == command.Page));

    private static bool IsMapped(DocCommand command) => MappedCommands.All.Any(m => Matches(m.Command, command.Normalized));

    private static bool Matches(string claimed, string documented) =>
        string.Equals(MarkdownCommands.Normalize(claimed), documented, StringComparison.Ordinal);

    private static bool TestMethodExists(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var (typeName, methodName) = (fullName[..dot], fullName[(dot + 1)..]);
        var type = ReferencedTestAssemblies()
            .Select(a => a.GetType(typeName))
            .FirstOrDefault(t => t is not null);
        var method = type?.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance);
        return method is not null && method.GetCustomAttributes<FactAttribute>(inherit: true).Any();
    }

    // The test projects this one references (Idp.Docs.Tests.csproj); copied next to it, so they load by name.
    private static IEnumerable<Assembly> ReferencedTestAssemblies() =>
        new[] { "Idp.Build.Components.Tests", "Idp.Templates.Tests", "Idp.Dora.Tests", "Idp.Adopt.Tests" }.Select(name => Assembly.Load(name));
}
