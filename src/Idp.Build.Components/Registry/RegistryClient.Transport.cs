using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Idp.Build.Components.Registry;

public sealed partial class RegistryClient
{
    // Registries answer an overloaded or restarting backend with these; any other status is the answer itself.
    private static readonly HttpStatusCode[] Retryable = [HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>Sends with the current authorization, answers one challenge, and retries transient failures.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string repository, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            string failure;
            try
            {
                var response = await SendAuthorizedAsync(create, repository, cancellationToken);
                if (!Retryable.Contains(response.StatusCode))
                    return response;
                failure = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                if (attempt >= _retryDelays.Count)
                    return response;
                response.Dispose();
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && attempt < _retryDelays.Count)
            {
                failure = e.Message;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                throw new RegistryException(
                    $"Registry {_host.Name} ({_host.ApiBase}) could not be reached after {attempt + 1} attempts: {e.Message}. " +
                    "Check that it runs and that this machine can reach it (proxy, firewall, DNS).");
            }
            Retried?.Invoke($"Registry {_host.Name}: {failure}; retrying in {_retryDelays[attempt].TotalSeconds:0.#} s");
            await Task.Delay(_retryDelays[attempt], cancellationToken);
        }
    }

    /// <summary>Called before each retry with a line saying why; the components write it to the build log.</summary>
    public Action<string>? Retried { get; set; }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException or SocketException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<HttpResponseMessage> SendAuthorizedAsync(Func<HttpRequestMessage> create, string repository, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(create, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return RefuseWhenForbidden(response);
        var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
        response.Dispose();
        if (challenge is null)
            throw Refused(HttpStatusCode.Unauthorized, "without a WWW-Authenticate challenge");

        if (string.Equals(challenge.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            if (_credentials is null)
                throw Refused(HttpStatusCode.Unauthorized, "and asks for a user and password");
            _authorization = new AuthenticationHeaderValue("Basic", BasicValue(_credentials));
        }
        else if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            _authorization = new AuthenticationHeaderValue("Bearer", await FetchTokenAsync(challenge.Parameter ?? "", repository, cancellationToken));
        }
        else
        {
            throw Refused(HttpStatusCode.Unauthorized, $"with an unsupported challenge '{challenge.Scheme}'");
        }

        var retried = await SendOnceAsync(create, cancellationToken);
        if (retried.StatusCode == HttpStatusCode.Unauthorized)
        {
            retried.Dispose();
            throw Refused(HttpStatusCode.Unauthorized, "");
        }
        return RefuseWhenForbidden(retried);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        request.Headers.Authorization = _authorization;
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private HttpResponseMessage RefuseWhenForbidden(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden)
            return response;
        response.Dispose();
        throw Refused(HttpStatusCode.Forbidden, "");
    }

    /// <summary>Bearer token flow (§5.2): <c>GET realm?service=…&amp;scope=repository:&lt;name&gt;:pull,push</c> with Basic credentials or anonymously.</summary>
    private async Task<string> FetchTokenAsync(string challenge, string repository, CancellationToken cancellationToken)
    {
        var parameters = ChallengeParameters(challenge);
        if (!parameters.TryGetValue("realm", out var realm))
            throw Refused(HttpStatusCode.Unauthorized, "with a Bearer challenge that names no realm");
        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
            query.Add("service=" + Uri.EscapeDataString(service));
        query.Add("scope=" + Uri.EscapeDataString(parameters.TryGetValue("scope", out var scope) ? scope : $"repository:{repository}:pull,push"));
        if (_credentials is not null)
            query.Add("account=" + Uri.EscapeDataString(_credentials.Username));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(realm + (realm.Contains('?') ? "&" : "?") + string.Join('&', query)));
        if (_credentials is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue(_credentials));
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw Refused(response.StatusCode, $"at its token endpoint {realm}");
        await EnsureSuccessAsync(response, $"GET {realm}", cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        foreach (var name in new[] { "token", "access_token" })
        {
            if (json.RootElement.TryGetProperty(name, out var token) && token.GetString() is { Length: > 0 } value)
                return value;
        }
        throw new RegistryException($"Registry {_host.Name}: the token endpoint {realm} answered without a token.");
    }

    private RegistryAuthenticationException Refused(HttpStatusCode status, string how)
    {
        var what = status == HttpStatusCode.Forbidden
            ? $"Registry {_host.Name} refused {Who} (403 Forbidden){(how.Length > 0 ? " " + how : "")}: the user lacks push rights on the repository. Grant them (Nexus: nx-repository-view-docker-<repo>-edit/add) or use another user."
            : $"Registry {_host.Name} refused {Who} (401 Unauthorized){(how.Length > 0 ? " " + how : "")}. Check --registry-username and --registry-password (or REGISTRY_USERNAME / REGISTRY_PASSWORD).";
        return new RegistryAuthenticationException(what, (int)status);
    }

    private static Dictionary<string, string> ChallengeParameters(string challenge)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(challenge, "(\\w+)=\"([^\"]*)\""))
            parameters[match.Groups[1].Value] = match.Groups[2].Value;
        return parameters;
    }
}
