using Idp.Build.Planning;

namespace Idp.Build.Output;

/// <summary>The end of every run: the target table in plan order, the warnings and errors again, and the outcome.</summary>
internal static class SummaryWriter
{
    private const int MessageLines = 6;

    public static void Write(BuildLog log, IReadOnlyList<ExecutableTarget> plan, TimeSpan total, bool succeeded)
    {
        var table = new TextTable("Target", "Status", "Duration", "Note");
        foreach (var target in plan)
        {
            var ran = target.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted;
            table.Add(target.Name, target.Status.ToString(), ran ? Durations.Format(target.Duration) : "", target.Note ?? "");
        }
        table.Separator().Add("Total", "", Durations.Format(total), "");
        log.Write("");
        log.Write(table.Render((row, line) => row < plan.Count ? log.Paint(line, Colour(plan[row].Status)) : line).TrimEnd());

        var problems = log.Problems;
        if (problems.Count > 0)
        {
            log.Write("");
            log.Write(log.Paint($"Errors and warnings ({problems.Count}):", "1"));
            foreach (var (level, target, message) in problems)
                log.Write(log.Paint($"  {level}{(target is null ? "" : $" [{target}]")}: {Shortened(message)}", level == "error" ? "31" : "33"));
        }

        log.Write("");
        var failed = plan.Where(t => t.Status is TargetStatus.Failed or TargetStatus.Aborted).Select(t => t.Name).ToArray();
        log.Write(succeeded
            ? log.Paint($"Build succeeded in {Durations.Format(total)}.", "1;32")
            : log.Paint($"Build failed in {Durations.Format(total)}{(failed.Length > 0 ? $": {string.Join(", ", failed)} failed" : "")}.", "1;31"));
    }

    // A message's first lines carry what went wrong ("idp.yaml has 1 problem:" and the problem); a long tail (a
    // tool's output) stays in the log above, where it was printed in full.
    private static string Shortened(string message)
    {
        var lines = message.TrimEnd().Split('\n');
        var shown = lines.Take(MessageLines).Select((line, i) => i == 0 ? line : "    " + line.TrimEnd('\r'));
        var rest = lines.Length - MessageLines;
        return string.Join("\n", shown) + (rest > 0 ? $"\n    … {rest} more line{(rest == 1 ? "" : "s")} in the log above" : "");
    }

    private static string Colour(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.Collective => "32",
        TargetStatus.Failed or TargetStatus.Aborted => "31",
        TargetStatus.NotRun => "33",
        _ => "2",
    };
}
