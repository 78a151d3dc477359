using Microsoft.AspNetCore.Http;

namespace Idp.Testing.GitLab;

// POST /projects/:id/statuses/:sha and GET /projects/:id/repository/commits/:sha/statuses.
public sealed partial class FakeGitLab
{
    private (int, object) PostStatus(FakeProject project, string sha, RequestParameters parameters)
    {
        var state = parameters["state"];
        if (string.IsNullOrEmpty(state))
            return Missing("state");
        if (!CommitStatusTransitions.States.Contains(state))
            return Invalid("state");
        if (!project.Commits.Contains(sha))
            return (404, new { message = "404 Commit Not Found" });
        var name = parameters["name"] ?? parameters["context"] ?? "default";
        var reference = parameters["ref"];

        var status = project.Statuses.LastOrDefault(s => s.Sha == sha && s.Name == name && s.Ref == reference && !CommitStatusTransitions.IsFinished(s.Status));
        var current = status?.Status ?? "created";
        var (next, error) = CommitStatusTransitions.Apply(current, state);
        if (error is not null)
            return (400, new { message = error });
        if (status is null)
        {
            status = new FakeCommitStatus { Id = NextId(), Sha = sha, Name = name, Ref = reference, Status = next! };
            project.Statuses.Add(status);
        }
        status.Status = next!;
        status.TargetUrl = parameters["target_url"] ?? status.TargetUrl;
        status.Description = parameters["description"] ?? status.Description;
        return (201, StatusJson(status));
    }

    private static (int, object) ListStatuses(HttpContext context, FakeProject project, string sha, RequestParameters parameters) =>
        !project.Commits.Contains(sha)
            ? (404, new { message = "404 Commit Not Found" })
            : Page(context, project.Statuses.Where(s => s.Sha == sha).Select(StatusJson).ToList(), parameters);

    private static object StatusJson(FakeCommitStatus status) => new Dictionary<string, object?>
    {
        ["id"] = status.Id,
        ["sha"] = status.Sha,
        ["ref"] = status.Ref,
        ["status"] = status.Status,
        ["name"] = status.Name,
        ["target_url"] = status.TargetUrl,
        ["description"] = status.Description,
        ["coverage"] = null,
        ["created_at"] = status.CreatedAt,
        ["started_at"] = null,
        ["finished_at"] = CommitStatusTransitions.IsFinished(status.Status) ? DateTimeOffset.UtcNow : null,
        ["allow_failure"] = false,
        ["author"] = Author,
    };

    private static readonly Dictionary<string, object> Author = new()
    {
        ["id"] = 28,
        ["username"] = "idp-bot",
        ["name"] = "Idp bot",
        ["state"] = "active",
    };
}
