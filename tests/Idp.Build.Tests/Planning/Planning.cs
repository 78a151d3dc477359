using Idp.Build.Planning;
using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Planning;

public class Planning
{
    [Fact]
    public void Dependencies_run_before_the_target_that_needs_them()
    {
        var graph = new Graph().Targets("Pack", "Compile", "Restore")
            .DependsOn("Pack", "Compile").DependsOn("Compile", "Restore");

        Graph.Names(graph.Plan("Pack")).ShouldBe("Restore Compile Pack");
    }

    [Fact]
    public void Declaration_order_breaks_ties_between_independent_targets()
    {
        var graph = new Graph().Targets("Lint", "Docs", "Compile", "All")
            .DependsOn("All", "Compile", "Docs", "Lint");

        Graph.Names(graph.Plan("All")).ShouldBe("Lint Docs Compile All");
    }

    [Fact]
    public void The_same_graph_always_gives_the_same_plan()
    {
        string PlanOnce() => Graph.Names(new Graph().Targets("A", "B", "C", "D", "E")
            .DependsOn("E", "D", "B").DependsOn("D", "C").DependsOn("B", "A").After("C", "A").Plan("E"));

        Enumerable.Range(0, 20).Select(_ => PlanOnce()).Distinct().ShouldHaveSingleItem().ShouldBe("A B C D E");
    }

    [Fact]
    public void Ordering_edges_order_but_do_not_pull_targets_in()
    {
        var graph = new Graph().Targets("Test", "Lint").After("Test", "Lint");

        Graph.Names(graph.Plan("Test")).ShouldBe("Test");
        Graph.Names(graph.Plan("Test", "Lint")).ShouldBe("Lint Test");
    }

    [Fact]
    public void Triggered_targets_join_the_plan_after_their_trigger()
    {
        var graph = new Graph().Targets("Report", "Deploy", "Restore")
            .Triggers("Deploy", "Report").DependsOn("Report", "Restore");

        Graph.Names(graph.Plan("Deploy")).ShouldBe("Deploy Restore Report");
        graph["Report"].IsInvoked.ShouldBeFalse();
    }

    [Fact]
    public void Default_targets_run_when_none_is_invoked()
    {
        var graph = new Graph().Targets("Restore", "Compile", "Test").DependsOn("Compile", "Restore")
            .Configure("Compile", t => t.IsDefault = true);

        Graph.Names(graph.Plan()).ShouldBe("Restore Compile");
    }

    [Fact]
    public void A_cycle_is_reported_with_the_names_of_its_targets()
    {
        var graph = new Graph().Targets("A", "B", "C", "Free")
            .DependsOn("A", "B").After("B", "C").Triggers("A", "C");

        var error = Should.Throw<BuildException>(() => graph.Plan("Free"));

        error.Message.ShouldContain("a cycle");
        error.Message.ShouldContain("C → B → A → C");
    }

    [Fact]
    public void A_target_that_depends_on_itself_is_a_cycle()
    {
        var graph = new Graph().Targets("A").DependsOn("A", "A");

        Should.Throw<BuildException>(() => graph.Plan("A")).Message.ShouldContain("A → A");
    }

    [Fact]
    public void Two_separate_cycles_are_both_reported()
    {
        var graph = new Graph().Targets("A", "B", "C", "D").DependsOn("A", "B").DependsOn("B", "A").DependsOn("C", "D").DependsOn("D", "C");

        Should.Throw<BuildException>(() => graph.Plan("A")).Message.ShouldContain("2 cycles");
    }

    [Fact]
    public void A_chain_of_ten_thousand_targets_plans_without_overflowing_the_stack()
    {
        var names = Enumerable.Range(0, 10_000).Select(i => $"T{i}").ToArray();
        var graph = new Graph().Targets(names);
        for (var i = 1; i < names.Length; i++)
            graph.DependsOn(names[i], names[i - 1]);

        var plan = graph.Plan(names[^1]);

        plan.Count.ShouldBe(10_000);
        plan[0].Name.ShouldBe("T0");
        plan[^1].Name.ShouldBe("T9999");
    }

    [Fact]
    public void Plan_text_and_mermaid_show_every_kind_of_edge()
    {
        var graph = new Graph().Targets("Restore", "Compile", "Lint", "Report")
            .DependsOn("Compile", "Restore").After("Compile", "Lint").Triggers("Compile", "Report");
        var plan = graph.Plan("Compile", "Lint");

        var mermaid = Idp.Build.Output.PlanWriter.Mermaid(graph.All, plan);

        mermaid.ShouldContain("Restore --> Compile");
        mermaid.ShouldContain("Lint -.-> Compile");
        mermaid.ShouldContain("Compile ==> Report");
        Idp.Build.Output.PlanWriter.Text(plan).ShouldContain("3. Compile  ← Restore, Lint");
    }

    [Fact]
    public void The_cycle_finder_finds_nothing_in_a_diamond()
    {
        var graph = new Graph().Targets("A", "B", "C", "D").DependsOn("D", "B", "C").DependsOn("B", "A").DependsOn("C", "A");

        CycleFinder.FindCycles(graph.All).ShouldBeEmpty();
        Graph.Names(graph.Plan("D")).ShouldBe("A B C D");
    }
}
