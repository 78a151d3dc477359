using System.Diagnostics;
using Idp.Build.Planning;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>Times <see cref="ExecutionPlanner.Plan"/> in this process on a <see cref="GeneratedGraph"/>, after warm-up runs so the JIT is out of the figure.</summary>
static class PlanningBenchmark
{
    public static (Samples Milliseconds, GeneratedGraph Graph) Measure(int targets, int runs, int warmUps = 3)
    {
        var graph = GeneratedGraph.Create(targets, seed: targets);
        graph.ThrowIfNotAValidPlan(ExecutionPlanner.Plan(graph.Targets, graph.Invoked));
        for (var i = 0; i < warmUps; i++)
            ExecutionPlanner.Plan(graph.Targets, graph.Invoked);

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            // A collection left over from graph generation or an earlier run would land in whichever run it interrupts.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            ExecutionPlanner.Plan(graph.Targets, graph.Invoked);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (new Samples(times), graph);
    }
}
