using Idp.Build.Planning;

namespace Idp.Build.Execution;

/// <summary>
/// Decides, before the first target runs, which scheduled targets are skipped — the rows of the skip truth
/// table in docs/engine/skipping.md. In order: <c>--skip</c>, <c>--continue</c>, static conditions, then the
/// cascade: a target not invoked by name is skipped when every scheduled target that needs it (depends on it
/// or triggers it) is skipped and lets its skip cascade (<see cref="DependencyBehavior.Skip"/>).
/// </summary>
internal static class SkipRules
{
    public static void Apply(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<string>? skip, IReadOnlySet<string> succeededBefore)
    {
        if (skip is not null)
        {
            var named = skip.Select(s => s.Replace("-", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var target in plan)
            {
                if (skip.Count == 0 ? !target.IsInvoked : named.Contains(target.Name))
                    Skip(target, "--skip");
            }
        }

        foreach (var target in plan.Where(t => t.Status == TargetStatus.Scheduled && succeededBefore.Contains(t.Name)))
            Skip(target, "succeeded in the previous attempt (--continue)");

        foreach (var target in plan.Where(t => t.Status == TargetStatus.Scheduled))
        {
            var violated = target.StaticConditions.Where(c => !c.Evaluate()).Select(c => c.Text).ToArray();
            if (violated.Length > 0)
                Skip(target, string.Join(" && ", violated));
        }

        Cascade(plan);
    }

    private static void Cascade(IReadOnlyList<ExecutableTarget> plan)
    {
        var scheduled = plan.ToHashSet();
        var neededBy = plan.ToDictionary(t => t, _ => new List<ExecutableTarget>());
        foreach (var target in plan)
        {
            foreach (var needed in target.ExecutionDependencies.Concat(target.Triggers).Where(scheduled.Contains).Distinct())
                neededBy[needed].Add(target);
        }

        // Reverse plan order visits every target after all the targets that need it.
        for (var i = plan.Count - 1; i >= 0; i--)
        {
            var target = plan[i];
            var needers = neededBy[target];
            if (target.Status != TargetStatus.Scheduled || target.IsInvoked || needers.Count == 0)
                continue;
            if (needers.All(n => n.Status == TargetStatus.Skipped && n.WhenSkipped == DependencyBehavior.Skip))
                Skip(target, "because " + string.Join(", ", needers.Select(n => n.Name)) + (needers.Count == 1 ? " is" : " are") + " skipped");
        }
    }

    private static void Skip(ExecutableTarget target, string reason)
    {
        target.Status = TargetStatus.Skipped;
        target.Note = reason;
    }
}
