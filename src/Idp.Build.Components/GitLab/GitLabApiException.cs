using System.Net;

namespace Idp.Build.Components.GitLab;

/// <summary>GitLab answered a request with an error; the message names the request, the answer and what to do.</summary>
public sealed class GitLabApiException : Exception
{
    /// <summary>Creates the exception for one failed request.</summary>
    public GitLabApiException(HttpMethod method, string path, HttpStatusCode statusCode, string responseBody)
        : base(Describe(method, path, statusCode, responseBody))
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status GitLab answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>GitLab's error body, e.g. <c>{"message":"403 Forbidden"}</c>.</summary>
    public string ResponseBody { get; }

    private static string Describe(HttpMethod method, string path, HttpStatusCode statusCode, string body) =>
        $"GitLab answered {(int)statusCode} {statusCode} to {method} {path}: {Shorten(body)}. " + (statusCode switch
        {
            HttpStatusCode.Unauthorized => "The token was not accepted: check that --gitlab-token holds a project or group access token that has not expired (CI_JOB_TOKEN cannot post commit statuses or merge-request notes).",
            HttpStatusCode.Forbidden => "The token lacks rights: give the access token the 'api' scope and at least the Developer role on the project.",
            HttpStatusCode.NotFound => "Check --gitlab-project (numeric id or group/project path), the commit SHA and the merge request number; a token without access to the project also gets 404.",
            HttpStatusCode.TooManyRequests => "GitLab's rate limit held after the retries; try again later or ask the GitLab admins to raise the limit for this token.",
            >= HttpStatusCode.InternalServerError => "GitLab itself failed after the retries; check its status page and try again.",
            _ => "Check the values sent against GitLab's REST v4 documentation.",
        });

    private static string Shorten(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length == 0 ? "(empty body)" : oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
