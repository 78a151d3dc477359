namespace Idp.Build.Planning;

/// <summary>
/// Decides which targets run and in which order. Inclusion: the invoked targets (or the defaults when none
/// were invoked), their execution dependencies and the targets they trigger, to a fixed point. Order: a
/// topological order over dependency, ordering and trigger edges in which, of the targets that could go next,
/// the one declared first goes first — so the same build and invocation always give the same plan.
/// </summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> all, IReadOnlyCollection<ExecutableTarget> invoked)
    {
        var graph = TargetIndex.Of(all, invoked);
        CycleFinder.ThrowOnCycles(graph);
        var roots = invoked.Count > 0 ? invoked : all.Where(t => t.IsDefault).ToArray();
        foreach (var target in roots)
            target.IsInvoked = true;
        var scheduled = Schedule(graph, roots);
        return Order(graph, scheduled);
    }

    private static bool[] Schedule(TargetIndex graph, IEnumerable<ExecutableTarget> roots)
    {
        var scheduled = new bool[graph.Targets.Count];
        var pending = new Stack<int>(roots.Select(graph.PositionOf));
        while (pending.TryPop(out var position))
        {
            if (scheduled[position])
                continue;
            scheduled[position] = true;
            var target = graph.Targets[position];
            foreach (var next in target.ExecutionDependencies)
                pending.Push(graph.PositionOf(next));
            foreach (var next in target.Triggers)
                pending.Push(graph.PositionOf(next));
        }
        return scheduled;
    }

    private static List<ExecutableTarget> Order(TargetIndex graph, bool[] scheduled)
    {
        var count = scheduled.Length;
        var predecessors = graph.Predecessors;

        // Successors of each scheduled target, as one flat array sliced by firstSuccessor (compressed rows).
        var waitingFor = new int[count];
        var firstSuccessor = new int[count + 1];
        for (var target = 0; target < count; target++)
        {
            if (!scheduled[target])
                continue;
            foreach (var predecessor in predecessors[target])
            {
                if (!scheduled[predecessor])
                    continue;
                waitingFor[target]++;
                firstSuccessor[predecessor + 1]++;
            }
        }
        for (var target = 0; target < count; target++)
            firstSuccessor[target + 1] += firstSuccessor[target];
        var successors = new int[firstSuccessor[count]];
        var filled = firstSuccessor[..count];
        for (var target = 0; target < count; target++)
        {
            if (!scheduled[target])
                continue;
            foreach (var predecessor in predecessors[target])
            {
                if (scheduled[predecessor])
                    successors[filled[predecessor]++] = target;
            }
        }

        // Declaration order first; the position only separates targets that claim the same Index.
        long Priority(int target) => ((long)graph.Targets[target].Index << 32) | (uint)target;
        var ready = new PriorityQueue<int, long>();
        for (var target = 0; target < count; target++)
        {
            if (scheduled[target] && waitingFor[target] == 0)
                ready.Enqueue(target, Priority(target));
        }

        var plan = new List<ExecutableTarget>();
        while (ready.TryDequeue(out var next, out _))
        {
            var target = graph.Targets[next];
            plan.Add(target);
            target.Status = TargetStatus.Scheduled;
            for (var slot = firstSuccessor[next]; slot < firstSuccessor[next + 1]; slot++)
            {
                var successor = successors[slot];
                if (--waitingFor[successor] == 0)
                    ready.Enqueue(successor, Priority(successor));
            }
        }
        return plan;
    }
}
