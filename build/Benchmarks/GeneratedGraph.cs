using Idp.Build.Planning;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// A large target graph shaped like real builds, for the planner: a few hub targets many others depend on
/// (Restore, Compile), chains of nearby dependencies, aggregates with wide fan-in, ordering edges and triggers.
/// Every edge points from an earlier to a later target, so the graph has no cycle; the seed makes it repeatable.
/// </summary>
sealed class GeneratedGraph
{
    private GeneratedGraph(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ExecutableTarget> invoked, int edges)
    {
        Targets = targets;
        Invoked = invoked;
        Edges = edges;
    }

    public IReadOnlyList<ExecutableTarget> Targets { get; }

    /// <summary>The targets nothing depends on, as if all were named on the command line: the plan holds every target.</summary>
    public IReadOnlyList<ExecutableTarget> Invoked { get; }

    public int Edges { get; }

    public static GeneratedGraph Create(int count, int seed)
    {
        var random = new Random(seed);
        var targets = Enumerable.Range(0, count).Select(i => new ExecutableTarget($"Target{i:D5}", i)).ToArray();
        var hubs = Math.Max(1, count / 100);
        var edges = 0;
        for (var i = 1; i < count; i++)
        {
            var target = targets[i];
            var dependencies = i % 100 == 0 ? random.Next(10, 31) : random.Next(1, 4);
            for (var d = 0; d < dependencies; d++)
            {
                var pick = random.NextDouble() < 0.2
                    ? random.Next(Math.Min(hubs, i))
                    : random.Next(Math.Max(0, i - 20), i);
                if (!target.ExecutionDependencies.Contains(targets[pick]))
                {
                    target.ExecutionDependencies.Add(targets[pick]);
                    edges++;
                }
            }
            if (i % 10 == 0)
            {
                target.OrderDependencies.Add(targets[random.Next(i)]);
                edges++;
            }
            if (i % 50 == 0 && i + 1 < count)
            {
                var triggered = targets[random.Next(i + 1, Math.Min(count, i + 50))];
                target.Triggers.Add(triggered);
                triggered.TriggeredBy.Add(target);
                edges++;
            }
        }

        var dependedOn = targets.SelectMany(t => t.ExecutionDependencies.Concat(t.Triggers)).ToHashSet();
        return new GeneratedGraph(targets, targets.Where(t => !dependedOn.Contains(t)).ToArray(), edges);
    }

    /// <summary>Throws unless the plan holds every target once, each after everything it must follow.</summary>
    public void ThrowIfNotAValidPlan(IReadOnlyList<ExecutableTarget> plan)
    {
        var position = plan.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        if (position.Count != Targets.Count)
            throw new InvalidOperationException($"The planner scheduled {position.Count} of {Targets.Count} generated targets; all should be in the plan.");
        var late = Targets.FirstOrDefault(t => t.Predecessors.Any(p => position[p] > position[t]));
        if (late is not null)
            throw new InvalidOperationException($"The planner put {late.Name} before one of the targets it must follow.");
    }
}
