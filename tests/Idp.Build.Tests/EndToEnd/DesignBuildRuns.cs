using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.EndToEnd;

/// <summary>The build from DESIGN.md (tests/fixtures/DesignBuild), run as a real process.</summary>
public class DesignBuildRuns
{
    private static string[] Events(TempDirectory root) =>
        File.ReadAllLines(root.Path / ".nuke" / "temp" / "events.log");

    [Fact]
    public void The_default_target_runs_with_its_dependencies_and_the_component_override()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root);

        result.ExitCode.ShouldBe(0, result.All);
        Events(root).ShouldBe(["run Restore", "run Lint", "run Compile"]);
        result.Output.ShouldContain("component: hi, world\nbuild: and hello from the override");
        result.Output.ShouldContain("Build succeeded");
    }

    [Fact]
    public void Failure_semantics_follow_the_definition()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, "Test", "Publish", "--token", "t-123456", "--fail-targets", "Test");

        result.ExitCode.ShouldBe(1);
        // Test fails but proceeds; Report is triggered by Test and assured; Pack is ordered before Publish; Notify is triggered by Publish.
        Events(root).ShouldBe(["run Restore", "run Lint", "run Compile", "run Test", "run Report", "run Pack", "run Publish", "run Notify"]);
        result.Output.ShouldMatch(@"Test\s+│ Failed\s+│ [\d.]+ s\s+│ Test was told to fail");
        result.Output.ShouldContain("Build failed");
    }

    [Fact]
    public void A_static_condition_skips_with_its_text_and_a_dynamic_one_only_its_target()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, "Pack", "--run-lint", "false", "--skip-pack");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldMatch(@"Lint\s+│ Skipped\s+│\s+│ RunLint");
        result.Output.ShouldMatch(@"Pack\s+│ Skipped\s+│\s+│ !SkipPack");
        Events(root).ShouldBe(["run Restore", "run Compile"]);
    }

    [Fact]
    public void WhenSkipped_Execute_runs_the_dependencies_of_a_skipped_target()
    {
        using var root = new TempDirectory();
        root.Write("inputs/a.txt", "a");

        var result = BuildProcess.Design(root, "Package");

        result.ExitCode.ShouldBe(0, result.All);
        Events(root).ShouldBe(["run Stamp"]);
        result.Output.ShouldMatch(@"Package\s+│ Skipped\s+│\s+│ Ship");
    }

    [Fact]
    public void An_incremental_target_is_skipped_while_its_inputs_and_outputs_are_unchanged()
    {
        using var root = new TempDirectory();
        var input = root.Write("inputs/a.txt", "one");

        BuildProcess.Design(root, "Stamp").ExitCode.ShouldBe(0);
        var second = BuildProcess.Design(root, "Stamp");
        File.WriteAllText(input, "two");
        BuildProcess.Design(root, "Stamp").ExitCode.ShouldBe(0);
        File.Delete(root.Path / "out" / "stamp.txt");
        BuildProcess.Design(root, "Stamp").ExitCode.ShouldBe(0);

        second.Output.ShouldMatch(@"Stamp\s+│ Skipped\s+│\s+│ up to date");
        Events(root).ShouldBe(["run Stamp", "run Stamp", "run Stamp"]);
        File.ReadAllText(root.Path / "out" / "stamp.txt").ShouldBe("two");
    }

    [Fact]
    public void Continue_skips_what_succeeded_in_the_failed_attempt()
    {
        using var root = new TempDirectory();

        BuildProcess.Design(root, "Test", "--fail-targets", "Test").ExitCode.ShouldBe(1);
        var retry = BuildProcess.Design(root, "Test", "--fail-targets", "Test", "--continue");
        var otherCommand = BuildProcess.Design(root, "Test", "--continue");

        retry.Output.ShouldMatch(@"Compile\s+│ Skipped\s+│\s+│ succeeded in the previous attempt");
        otherCommand.ExitCode.ShouldBe(0);
        Events(root).ShouldBe([
            "run Restore", "run Lint", "run Compile", "run Test", "run Report",
            "run Test",
            "run Restore", "run Lint", "run Compile", "run Test", "run Report"]);
    }

    [Fact]
    public void Parallel_targets_really_overlap()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, "Overlap", "--parallel", "2");

        result.ExitCode.ShouldBe(0, result.All);
        var events = Events(root);
        events[0].ShouldBe("run Restore");
        events.Skip(1).Take(2).Order().ShouldBe(["start ParallelA", "start ParallelB"]);
        events.Skip(3).Take(2).Order().ShouldBe(["end ParallelA", "end ParallelB"]);
        events[^1].ShouldBe("run Overlap");
        result.Output.ShouldMatch(@"Restore[^\n]*\n[^\n]*ParallelA[^\n]*\n[^\n]*ParallelB[^\n]*\n[^\n]*Overlap");
    }

    [Fact]
    public void Each_parallel_target_prints_one_block()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, "Restore", "Lint", "Docs", "--parallel", "3");

        result.ExitCode.ShouldBe(0, result.All);
        foreach (var name in new[] { "Restore", "Lint", "Docs" })
            result.Output.ShouldContain($"▶ {name}\nrunning {name}\n");
    }

    [Fact]
    public void Plan_prints_the_order_writes_a_mermaid_graph_and_runs_nothing()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, "Publish", "--plan");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain("1. Restore");
        result.Output.ShouldContain("Publish  ← Pack");
        File.ReadAllText(root.Path / ".nuke" / "temp" / "plan.md").ShouldContain("Pack -.-> Publish");
        File.Exists(root.Path / ".nuke" / "temp" / "events.log").ShouldBeFalse();
    }

    [Fact]
    public void Help_lists_listed_targets_and_parameters_with_their_values()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, new Dictionary<string, string?> { ["TOKEN"] = "env-token-value" }, "--help", "--count", "3");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain("*Compile");
        result.Output.ShouldContain("Compiles  ← Lint, Restore, Greet");
        result.Output.ShouldNotContain("Docs");
        result.Output.ShouldMatch(@"--token <string>\s+A token the build must never show \[secret\]  = \(set\)");
        result.Output.ShouldMatch(@"--count <int>\s+How many times to repeat  = 3");
        result.Output.ShouldMatch(@"--audience <string>\s+Who the component greets  = \(unset\)");
        result.All.ShouldNotContain("env-token-value");
    }

    [Fact]
    public void A_cycle_is_an_error_naming_the_targets()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, new Dictionary<string, string?> { ["IDP_FIXTURE"] = "cycle" });

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("The targets form a cycle: Gamma → Beta → Alpha → Gamma.");
    }

    [Theory]
    [InlineData("Compil", "Unknown target 'Compil'. Did you mean 'Compile'?")]
    [InlineData("Compile --cont 2", "Unknown parameter '--cont'. Did you mean '--continue' or '--count'?")]
    [InlineData("Compile --count two", "Parameter '--count' expects a whole number, but the command line (--count) gives 'two'.")]
    [InlineData("Publish", "Cannot start: Publish needs parameter --token")]
    public void Bad_input_is_one_clear_error_and_exit_code_2(string arguments, string message)
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, arguments.Split(' '));

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
        File.Exists(root.Path / ".nuke" / "temp" / "events.log").ShouldBeFalse();
    }

    [Fact]
    public void GitLab_gets_collapsible_sections_and_its_job_token_masked()
    {
        using var root = new TempDirectory();

        var result = BuildProcess.Design(root, new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["CI_JOB_TOKEN"] = "glcbt-job-token-1", ["AUDIENCE"] = "glcbt-job-token-1" }, "Greet");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldMatch(@"section_start:\d+:idp_greet");
        result.Output.ShouldContain("component: hi, ***");
    }

    [Fact]
    public void The_run_record_has_outcomes_and_redacted_parameters()
    {
        using var root = new TempDirectory();

        BuildProcess.Design(root, "Compile", "--token", "record-secret-9", "--count", "2").ExitCode.ShouldBe(0);

        var record = File.ReadAllText(root.Path / ".nuke" / "temp" / "run.json");
        record.ShouldContain("\"name\": \"Compile\"");
        record.ShouldContain("\"status\": \"Succeeded\"");
        record.ShouldContain("\"Token\": \"***\"");
        record.ShouldContain("\"Count\": \"2\"");
        record.ShouldNotContain("record-secret-9");
    }
}
