using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Execution;

public class Parallelism
{
    [Fact]
    public void Independent_targets_overlap_when_parallel()
    {
        var events = new List<string>();
        var bothStarted = new Barrier(2);
        var graph = new Graph().Targets("Restore", "Sonar", "Docker", "Deploy")
            .DependsOn("Sonar", "Restore").DependsOn("Docker", "Restore").DependsOn("Deploy", "Sonar", "Docker");
        foreach (var name in new[] { "Sonar", "Docker" })
        {
            graph.Configure(name, t => t.Actions.Add(() => Task.Run(() =>
            {
                lock (events) events.Add("start " + name);
                bothStarted.SignalAndWait(TimeSpan.FromSeconds(20)).ShouldBeTrue($"{name} waited alone: the targets did not overlap");
                lock (events) events.Add("end " + name);
            })));
        }
        var plan = graph.Plan("Deploy");

        Execute.Run(plan, parallelism: 2);

        Execute.Statuses(plan).ShouldBe("Restore:Succeeded Sonar:Succeeded Docker:Succeeded Deploy:Succeeded");
        events.Take(2).ShouldAllBe(e => e.StartsWith("start"));
        events.Skip(2).ShouldAllBe(e => e.StartsWith("end"));
        graph.Ran.Last().ShouldBe("Deploy");
    }

    [Fact]
    public void A_failure_stops_new_targets_from_starting()
    {
        var graph = new Graph().Targets("Fails", "Waits", "Later").DependsOn("Later", "Waits").Fails("Fails");
        graph.Configure("Waits", t => t.Actions.Insert(0, () => Task.Delay(300)));
        var plan = graph.Plan("Fails", "Later");

        Execute.Run(plan, parallelism: 2);

        Execute.Statuses(plan).ShouldBe("Fails:Failed Waits:Succeeded Later:NotRun");
    }

    [Fact]
    public void The_plan_order_is_kept_for_the_summary()
    {
        var graph = new Graph().Targets("C", "B", "A");
        graph.Configure("C", t => t.Actions.Insert(0, () => Task.Delay(200)));
        var plan = graph.Plan("A", "B", "C");

        Execute.Run(plan, parallelism: 3);

        Graph.Names(plan).ShouldBe("C B A");
        graph.Ran.Last().ShouldBe("C");
    }
}
