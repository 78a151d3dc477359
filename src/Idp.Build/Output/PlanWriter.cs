using System.Text;
using Idp.Build.Planning;

namespace Idp.Build.Output;

/// <summary><c>--plan</c>: the plan as text, and as a Mermaid graph in <c>.nuke/temp/plan.md</c>.</summary>
internal static class PlanWriter
{
    public static string Text(IReadOnlyList<ExecutableTarget> plan)
    {
        var text = new StringBuilder();
        text.AppendLine($"Plan ({plan.Count} target{(plan.Count == 1 ? "" : "s")}, in order):");
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            var after = target.Predecessors.Where(plan.Contains).Select(t => t.Name).Distinct().ToArray();
            var skipped = target.Status == TargetStatus.Skipped ? $"  [skipped: {target.Note}]" : "";
            text.AppendLine($"  {i + 1,3}. {target.Name}{(after.Length > 0 ? "  ← " + string.Join(", ", after) : "")}{skipped}");
        }
        return text.ToString();
    }

    /// <summary>Solid arrows: depends on; dotted: ordered after; thick: triggered by. Scheduled targets are highlighted.</summary>
    public static string Mermaid(IReadOnlyList<ExecutableTarget> all, IReadOnlyList<ExecutableTarget> plan)
    {
        var scheduled = plan.ToHashSet();
        var text = new StringBuilder();
        text.AppendLine("# Build plan");
        text.AppendLine();
        text.AppendLine($"Scheduled, in order: {string.Join(" → ", plan.Select(t => t.Name))}");
        text.AppendLine();
        text.AppendLine("```mermaid");
        text.AppendLine("graph LR");
        foreach (var target in all)
            text.AppendLine($"  {target.Name}[\"{target.Name}\"]");
        foreach (var target in all)
        {
            foreach (var dependency in target.ExecutionDependencies)
                text.AppendLine($"  {dependency.Name} --> {target.Name}");
            foreach (var order in target.OrderDependencies)
                text.AppendLine($"  {order.Name} -.-> {target.Name}");
            foreach (var trigger in target.TriggeredBy)
                text.AppendLine($"  {trigger.Name} ==> {target.Name}");
        }
        if (scheduled.Count > 0)
        {
            text.AppendLine("  classDef scheduled fill:#d4f4dd,stroke:#2b8a3e");
            text.AppendLine($"  class {string.Join(",", plan.Select(t => t.Name))} scheduled");
        }
        text.AppendLine("```");
        return text.ToString();
    }
}
