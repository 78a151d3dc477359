using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Execution;

public class Failures
{
    [Fact]
    public void A_failure_stops_the_targets_after_it()
    {
        var graph = new Graph().Targets("Compile", "Test", "Pack").DependsOn("Test", "Compile").DependsOn("Pack", "Test").Fails("Compile");
        var plan = graph.Plan("Pack");

        var output = Execute.Run(plan);

        Execute.Statuses(plan).ShouldBe("Compile:Failed Test:NotRun Pack:NotRun");
        output.ShouldContain("Compile failed");
        graph["Compile"].Note.ShouldBe("boom");
    }

    [Fact]
    public void ProceedAfterFailure_lets_independent_targets_run_but_not_its_dependents()
    {
        var graph = new Graph().Targets("Test", "Lint", "Pack").DependsOn("Pack", "Test").Fails("Test")
            .Configure("Test", t => t.ProceedAfterFailure = true);
        var plan = graph.Plan("Test", "Lint", "Pack");

        Execute.Run(plan);

        Execute.Statuses(plan).ShouldBe("Test:Failed Lint:Succeeded Pack:NotRun");
        graph["Pack"].Note.ShouldBe("Test did not succeed");
    }

    [Fact]
    public void AssuredAfterFailure_targets_run_when_the_build_is_failing()
    {
        var graph = new Graph().Targets("Deploy", "Report", "Other").Triggers("Deploy", "Report").Fails("Deploy")
            .Configure("Report", t => t.AssuredAfterFailure = true);
        var plan = graph.Plan("Deploy", "Other");

        Execute.Run(plan);

        Execute.Statuses(plan).ShouldBe("Deploy:Failed Report:Succeeded Other:NotRun");
    }

    [Fact]
    public void An_assured_target_runs_even_when_its_own_dependency_failed()
    {
        var graph = new Graph().Targets("Deploy", "Emit").DependsOn("Emit", "Deploy").Fails("Deploy")
            .Configure("Emit", t => t.AssuredAfterFailure = true);
        var plan = graph.Plan("Emit");

        Execute.Run(plan);

        Execute.Statuses(plan).ShouldBe("Deploy:Failed Emit:Succeeded");
    }

    [Fact]
    public void A_failing_dynamic_condition_is_a_failure_of_that_target()
    {
        var graph = new Graph().Targets("Deploy").Configure("Deploy", t =>
            t.DynamicConditions.Add(new Idp.Build.Definition.Condition(() => throw new InvalidOperationException("cannot decide"), "Check()")));
        var plan = graph.Plan("Deploy");

        Execute.Run(plan);

        graph["Deploy"].Status.ShouldBe(TargetStatus.Failed);
        graph["Deploy"].Note.ShouldBe("cannot decide");
    }
}
