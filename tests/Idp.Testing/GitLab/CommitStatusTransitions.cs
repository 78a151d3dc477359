namespace Idp.Testing.GitLab;

/// <summary>
/// GitLab's commit-status state machine as the statuses API drives it: each requested state fires an event
/// (pending → enqueue, running → enqueue then run, success → succeed, failed → drop, canceled → cancel,
/// skipped → skip), and an event from a state it does not leave is refused with "Cannot transition status".
/// </summary>
internal static class CommitStatusTransitions
{
    public static readonly string[] States = ["pending", "running", "success", "failed", "canceled", "skipped"];

    private static readonly Dictionary<string, (string Event, string[] From)> Events = new()
    {
        ["pending"] = ("enqueue", ["created", "skipped"]),
        ["running"] = ("run", ["pending"]),
        ["success"] = ("success", ["created", "pending", "running"]),
        ["failed"] = ("drop", ["created", "pending", "running"]),
        ["canceled"] = ("cancel", ["created", "pending", "running"]),
        ["skipped"] = ("skip", ["created", "pending"]),
    };

    /// <summary>Statuses in these states are finished: a new request with the same name starts a new status.</summary>
    public static bool IsFinished(string state) => state is "success" or "failed" or "canceled";

    /// <summary>The state after the request, or the refusal GitLab answers with.</summary>
    public static (string? State, string? Error) Apply(string current, string requested)
    {
        if (requested == "running" && current == "created")
            current = "pending";
        var (name, from) = Events[requested];
        return from.Contains(current)
            ? (requested, null)
            : (null, $"Cannot transition status via :{name} from :{current} (Reason(s): Status cannot transition via \"{name}\")");
    }
}
