using System.Text;

namespace Idp.Build.Components.Deploy.Plan;

public sealed partial record DeployPlan
{
    /// <summary>The plan as Markdown (for a merge request note or a job summary): a table of objects, then a table of fields per changed object.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder($"### Deploy plan for `{Namespace}`\n\n");
        if (!HasChanges)
            text.Append("Nothing to change: the cluster already runs what this deploy would apply.\n\n");
        text.Append("| object | action |\n|---|---|\n");
        foreach (var item in Objects)
            text.Append("| ").Append(item.Kind).Append(' ').Append(Code(item.Name)).Append(" | ").Append(Summary(item)).Append(" |\n");
        foreach (var item in Objects.Where(o => o.Changes.Count > 0))
        {
            text.Append("\n#### ").Append(item.Kind).Append(' ').Append(Code(item.Name)).Append("\n\n");
            text.Append("| field | before | after |\n|---|---|---|\n");
            foreach (var change in item.Changes)
            {
                var (before, after) = change.IsRedacted
                    ? (change.Kind == FieldChangeKind.Added ? "(none)" : "*hidden*", change.Kind == FieldChangeKind.Removed ? "(none)" : "*changed, not shown*")
                    : (Value(change.Before), Value(change.After));
                text.Append("| ").Append(Code(change.Path)).Append(" | ").Append(before).Append(" | ").Append(after).Append(" |\n");
            }
        }
        return text.ToString();
    }

    private static string Value(string? value) => value is null ? "(none)" : Code(value);

    // A code span cannot hold a backtick, and a table cell cannot hold a bare '|'.
    private static string Code(string text) => "`" + text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";
}
