using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Idp.Build.Components.GitLab;

/// <summary>
/// A small typed client of GitLab's REST API v4: commit statuses, merge-request notes, deployments and environments.
/// Authenticates with <c>PRIVATE-TOKEN</c> (a project or group access token), follows pagination and retries per
/// <see cref="GitLabRetryPolicy"/>. Failures throw <see cref="GitLabApiException"/>.
/// </summary>
public sealed partial class GitLabClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly GitLabRetryPolicy _retry;
    private readonly string _apiUrl;

    /// <summary>Creates a client for one GitLab instance.</summary>
    /// <param name="apiUrl">The API v4 base, e.g. <c>https://gitlab.example.com/api/v4</c> (<c>CI_API_V4_URL</c>).</param>
    /// <param name="token">A project, group or personal access token with the <c>api</c> scope.</param>
    /// <param name="retry">How to retry; the defaults when null.</param>
    /// <param name="handler">The HTTP handler (tests, proxies); a new <see cref="SocketsHttpHandler"/> when null.</param>
    public GitLabClient(Uri apiUrl, string token, GitLabRetryPolicy? retry = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        if (!apiUrl.IsAbsoluteUri || apiUrl.Scheme is not ("https" or "http"))
            throw new ArgumentException($"The GitLab API URL '{apiUrl}' is not an absolute http(s) URL; give --gitlab-url like https://gitlab.example.com/api/v4.", nameof(apiUrl));
        _apiUrl = apiUrl.AbsoluteUri.TrimEnd('/');
        _retry = retry ?? new GitLabRetryPolicy();
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Idp.Build");
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>A project id as GitLab's paths take it: numeric as is, <c>group/project</c> URL-encoded.</summary>
    private static string Project(string projectId) => Uri.EscapeDataString(projectId);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, Func<HttpContent> body, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(method, path, response, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request body as GitLab reads it (snake_case, fields that are not set left out), made anew for each attempt.</summary>
    private static Func<HttpContent> Body<TBody>(TBody body, JsonTypeInfo<TBody> type) => () => JsonContent.Create(body, type);

    /// <summary>Sends with retries; returns the final answer, successful or not, for the caller to judge.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string pathOrUrl, Func<HttpContent>? body, CancellationToken cancellationToken)
    {
        var url = pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? pathOrUrl : _apiUrl + pathOrUrl;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body?.Invoke() };
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < _retry.MaxAttempts)
            {
                await _retry.Delay(_retry.Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException error)
            {
                throw new HttpRequestException($"GitLab at {_apiUrl} could not be reached for {method} {pathOrUrl} after {attempt} attempts: {error.Message}. Check --gitlab-url and the network path to GitLab.", error);
            }

            if (!GitLabRetryPolicy.IsTransient(response.StatusCode) || attempt >= _retry.MaxAttempts)
                return response;
            var wait = response.StatusCode == HttpStatusCode.TooManyRequests ? _retry.RetryAfter(response, attempt) : _retry.Backoff(attempt);
            if (wait > _retry.MaxRetryAfter)
                return response;
            response.Dispose();
            await _retry.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpMethod method, string path, HttpResponseMessage response, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new GitLabApiException(method, path, response.StatusCode, text);
        try
        {
            return JsonSerializer.Deserialize(text, answer)
                ?? throw new JsonException("the body was JSON null");
        }
        catch (JsonException error)
        {
            throw new GitLabApiException(method, path, response.StatusCode, $"unreadable {typeof(T).Name} ({error.Message}): {text}");
        }
    }
}
