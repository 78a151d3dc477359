using System.Text;

namespace Idp.Build.Components.Deploy.Plan;

public sealed partial record DeployPlan
{
    /// <summary>The plan for the console: one line per object, then one indented line per changed field.</summary>
    public string ToText()
    {
        var text = new StringBuilder($"Deploy plan for namespace {Namespace}:\n");
        foreach (var item in Objects)
        {
            text.Append("  ").Append(Symbol(item.Action)).Append(' ').Append(item.Kind).Append(' ').Append(item.Name)
                .Append(": ").Append(Summary(item)).Append('\n');
            foreach (var change in item.Changes)
                text.Append("      ").Append(change).Append('\n');
        }
        if (!HasChanges)
            text.Append("Nothing to change: the cluster already runs what this deploy would apply.\n");
        return text.ToString();
    }

    private static char Symbol(ObjectAction action) => action switch
    {
        ObjectAction.Create => '+',
        ObjectAction.Update => '~',
        _ => '=',
    };

    private static string Summary(ObjectPlan item) => item.Action switch
    {
        ObjectAction.Create => "will be created",
        ObjectAction.Update => item.Changes.Count == 1 ? "1 field changes" : $"{item.Changes.Count} fields change",
        _ => "no change",
    };
}
