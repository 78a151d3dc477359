using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Idp.Build.Components.Quality.SonarQube;

// Sending, retrying, the Bearer-to-Basic fallback, and turning error answers into messages that say what to fix.
public sealed partial class SonarQubeClient
{
    /// <summary>GETs <paramref name="pathAndQuery"/> and reads the JSON answer; <paramref name="notFound"/> says what a 404 means here.</summary>
    private async Task<T> GetJsonAsync<T>(string pathAndQuery, JsonTypeInfo<T> answer, string notFound, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(pathAndQuery, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
            throw Failure(pathAndQuery, status, body, notFound);
        try
        {
            return JsonSerializer.Deserialize(body, answer)
                ?? throw new JsonException("The answer was the JSON literal null.");
        }
        catch (JsonException error)
        {
            throw new SonarQubeException(
                $"SonarQube at {ServerUrl} answered GET {pathAndQuery} with something that is not the expected JSON ({error.Message}): {Shorten(body)}. "
                + "Check that --sonar-host-url points at SonarQube itself and not at a proxy's login page.",
                status,
                error);
        }
    }

    /// <summary>Sends with retries and the Basic fallback; returns the final status and body for the caller to judge.</summary>
    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var url = ServerUrl + pathAndQuery;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode status;
            string body;
            try
            {
                (status, body) = await SendOnceAsync(url, _useBasic ? _basic : _bearer, cancellationToken).ConfigureAwait(false);
                if (status == HttpStatusCode.Unauthorized && !_useBasic && _basic is not null)
                {
                    // Servers before 10.0 know only Basic with the token as user name.
                    var (basicStatus, basicBody) = await SendOnceAsync(url, _basic, cancellationToken).ConfigureAwait(false);
                    if (basicStatus != HttpStatusCode.Unauthorized)
                        _useBasic = true;
                    (status, body) = (basicStatus, basicBody);
                }
            }
            catch (Exception error) when (IsConnectionFailure(error, cancellationToken))
            {
                if (attempt < _retry.MaxAttempts)
                {
                    await _retry.Delay(_retry.Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw new SonarQubeException(
                    $"SonarQube at {ServerUrl} could not be reached for GET {pathAndQuery} after {attempt} attempts: {error.Message}. "
                    + "Check --sonar-host-url, that the server is up, and the network path (proxy, firewall) from this machine.",
                    innerException: error);
            }

            if ((int)status >= 500 && attempt < _retry.MaxAttempts)
            {
                await _retry.Delay(_retry.Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }
            if ((int)status >= 500)
            {
                throw new SonarQubeException(
                    $"SonarQube at {ServerUrl} answered {(int)status} {status} to GET {pathAndQuery} {attempt} times in a row: {ErrorText(body)}. "
                    + $"The server itself is failing: check {ServerUrl}/api/system/status and its logs, then run the gate again.",
                    status);
            }
            return (status, body);
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> SendOnceAsync(string url, System.Net.Http.Headers.AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, body);
    }

    // HttpClient's own timeout surfaces as TaskCanceledException; the caller's cancellation must not be retried.
    private static bool IsConnectionFailure(Exception error, CancellationToken cancellationToken) =>
        error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private SonarQubeException Failure(string pathAndQuery, HttpStatusCode status, string body, string notFound)
    {
        var request = $"SonarQube at {ServerUrl} answered {(int)status} {status} to GET {pathAndQuery}";
        var message = status switch
        {
            HttpStatusCode.Unauthorized when _bearer is null =>
                $"{request}: no token was given and the server does not allow anonymous access. "
                + "Set --sonar-token (environment SONAR_TOKEN) to a SonarQube user token (squ_…) or project analysis token (sqp_…).",
            HttpStatusCode.Unauthorized =>
                $"{request}: the token is invalid, expired or revoked (tried as Bearer and as Basic). "
                + "Set --sonar-token (environment SONAR_TOKEN) to a current SonarQube user token (squ_…) or project analysis token (sqp_…) of this server.",
            HttpStatusCode.Forbidden =>
                $"{request}: {ErrorText(body)}. The token is valid but its user may not read this project's analyses: "
                + "it needs the 'Browse' permission on the project (or 'Execute Analysis', SonarQube 9.5+). "
                + "Ask a SonarQube administrator to grant it, or use a project analysis token of this project.",
            HttpStatusCode.NotFound => $"{request}: {ErrorText(body)}. {notFound}",
            _ => $"{request}: {ErrorText(body)}. Check the request against SonarQube's Web API documentation for this server version.",
        };
        return new SonarQubeException(message, status);
    }

    /// <summary>SonarQube's <c>{"errors":[{"msg":"…"}]}</c> as text, or the shortened body.</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("msg", out var msg) ? msg.GetString() : null)
                    .OfType<string>()
                    .ToArray();
                if (messages.Length > 0)
                    return string.Join("; ", messages);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, an empty 401): show it as it is.
        }
        return Shorten(body);
    }

    private static string Shorten(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length == 0 ? "(empty body)" : oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
