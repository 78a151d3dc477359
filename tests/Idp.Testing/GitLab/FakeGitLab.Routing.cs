using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.GitLab;

// One entry point: record, inject faults, authenticate, then dispatch on the path's segments. The project segment
// may be a URL-encoded path (group%2Fproject), which ASP.NET Core leaves encoded in Request.Path.
public sealed partial class FakeGitLab
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        if (_faults.TryDequeue(out var fault))
        {
            context.Response.StatusCode = fault.Status;
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("Retry later\n").ConfigureAwait(false);
            }
            else
            {
                await WriteAsync(context, fault.Status, new { message = $"{fault.Status} Fake failure" }).ConfigureAwait(false);
            }
            return;
        }

        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 4 || segments[0] != "api" || segments[1] != "v4" || segments[2] != "projects")
        {
            await WriteAsync(context, 404, new { error = "404 Not Found" }).ConfigureAwait(false);
            return;
        }
        var credential = Authenticate(request);
        if (credential == Credential.None)
        {
            await WriteAsync(context, 401, new { message = "401 Unauthorized" }).ConfigureAwait(false);
            return;
        }
        var project = FindProject(segments[3]);
        if (project is null)
        {
            await WriteAsync(context, 404, new { message = "404 Project Not Found" }).ConfigureAwait(false);
            return;
        }
        var resource = segments[4..];
        var isJobTokenResource = resource.Length > 0 && resource[0] is "deployments" or "environments";
        if (credential == Credential.JobToken && !isJobTokenResource)
        {
            // CI_JOB_TOKEN reaches only an allowlist of APIs; statuses and notes are not on it.
            await WriteAsync(context, 401, new { message = "401 Unauthorized" }).ConfigureAwait(false);
            return;
        }

        var parameters = await RequestParameters.ReadAsync(request).ConfigureAwait(false);
        var (status, body) = Dispatch(context, project, request.Method, resource, parameters);
        await WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private (int Status, object Body) Dispatch(HttpContext context, FakeProject project, string method, string[] resource, RequestParameters parameters)
    {
        lock (_gate)
        {
            return (method, resource) switch
            {
                ("POST", ["statuses", var sha]) => PostStatus(project, sha, parameters),
                ("GET", ["repository", "commits", var sha, "statuses"]) => ListStatuses(context, project, sha, parameters),
                ("GET", ["merge_requests", var iid, "notes"]) => ListNotes(context, project, iid, parameters),
                ("POST", ["merge_requests", var iid, "notes"]) => PostNote(project, iid, parameters),
                ("PUT", ["merge_requests", var iid, "notes", var noteId]) => PutNote(project, iid, noteId, parameters),
                ("GET", ["environments"]) => ListEnvironments(context, project, parameters),
                ("POST", ["environments"]) => PostEnvironment(project, parameters),
                ("PUT", ["environments", var id]) => PutEnvironment(project, id, parameters),
                ("POST", ["environments", var id, "stop"]) => StopEnvironment(project, id),
                ("POST", ["deployments"]) => PostDeployment(project, parameters),
                ("PUT", ["deployments", var id]) => PutDeployment(project, id, parameters),
                _ => (404, new { error = "404 Not Found" }),
            };
        }
    }

    private enum Credential
    {
        None,
        AccessToken,
        JobToken,
    }

    private static Credential Authenticate(HttpRequest request)
    {
        if (request.Headers["PRIVATE-TOKEN"] == AccessToken || request.Headers.Authorization == $"Bearer {AccessToken}")
            return Credential.AccessToken;
        if (request.Headers["JOB-TOKEN"] == JobToken || request.Query["job_token"] == JobToken)
            return Credential.JobToken;
        return Credential.None;
    }

    private static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, body.GetType(), Json));
    }

    private static (int, object) Missing(string parameter) => (400, new { error = $"{parameter} is missing" });

    private static (int, object) Invalid(string parameter) => (400, new { error = $"{parameter} does not have a valid value" });
}
