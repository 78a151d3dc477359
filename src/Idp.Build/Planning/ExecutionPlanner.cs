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
        CycleFinder.ThrowOnCycles(all);
        var roots = invoked.Count > 0 ? invoked : all.Where(t => t.IsDefault).ToArray();
        foreach (var target in roots)
            target.IsInvoked = true;
        var scheduled = Schedule(roots);
        return Order(scheduled);
    }

    private static HashSet<ExecutableTarget> Schedule(IEnumerable<ExecutableTarget> roots)
    {
        var scheduled = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(roots);
        while (pending.TryPop(out var target))
        {
            if (!scheduled.Add(target))
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.Triggers))
                pending.Push(next);
        }
        return scheduled;
    }

    private static List<ExecutableTarget> Order(HashSet<ExecutableTarget> scheduled)
    {
        var waitingFor = new Dictionary<ExecutableTarget, int>(scheduled.Count);
        var successors = new Dictionary<ExecutableTarget, List<ExecutableTarget>>(scheduled.Count);
        foreach (var target in scheduled)
        {
            var predecessors = target.Predecessors.Where(scheduled.Contains).Distinct().ToList();
            waitingFor[target] = predecessors.Count;
            foreach (var predecessor in predecessors)
            {
                if (!successors.TryGetValue(predecessor, out var list))
                    successors[predecessor] = list = [];
                list.Add(target);
            }
        }

        var ready = new PriorityQueue<ExecutableTarget, int>();
        foreach (var (target, count) in waitingFor)
        {
            if (count == 0)
                ready.Enqueue(target, target.Index);
        }

        var plan = new List<ExecutableTarget>(scheduled.Count);
        while (ready.TryDequeue(out var target, out _))
        {
            plan.Add(target);
            target.Status = TargetStatus.Scheduled;
            if (!successors.TryGetValue(target, out var next))
                continue;
            foreach (var successor in next)
            {
                if (--waitingFor[successor] == 0)
                    ready.Enqueue(successor, successor.Index);
            }
        }
        return plan;
    }
}
