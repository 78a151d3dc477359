using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Docker;

/// <summary>
/// An in-process registry front on Kestrel that authenticates like Nexus with the Docker Bearer Token Realm
/// (shared/reference/api-contracts.md §5.2, §5.4): every <c>/v2/</c> call without a token gets
/// <c>401 WWW-Authenticate: Bearer realm="&lt;base&gt;/v2/token",service="&lt;base&gt;/v2/token"</c>; the token endpoint
/// takes Basic credentials and answers <c>{"token":"DockerToken.&lt;uuid&gt;"}</c>. It serves manifests added with
/// <see cref="AddManifest"/> or PUT, refuses to change a tag when redeploy is disabled (§5.4), and can answer the next
/// requests with 503. The real <c>docker-registry</c> covers
/// Basic auth and uploads; this fake covers the token flow, which that registry cannot do without a token server.
/// </summary>
public sealed class FakeTokenRegistry : IAsyncDisposable
{
    private const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    private readonly ConcurrentDictionary<string, (byte[] Body, string MediaType)> _manifests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private int _failuresToServe;
    private LoopbackServer? _server;

    private FakeTokenRegistry(string username, string password)
    {
        Username = username;
        Password = password;
    }

    /// <summary>The user the token endpoint accepts.</summary>
    public string Username { get; }

    /// <summary>That user's password.</summary>
    public string Password { get; }

    /// <summary>host:port.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Nexus' "Disable redeploy" policy: a PUT that would point an existing tag at other content is refused.</summary>
    public bool RedeployDisabled { get; set; }

    /// <summary>Every request, as <c>METHOD /path?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>Starts the fake on a free 127.0.0.1 port.</summary>
    public static async Task<FakeTokenRegistry> StartAsync(string username = "deployer", string password = "nexus-pass")
    {
        var fake = new FakeTokenRegistry(username, password);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync).ConfigureAwait(false);
        fake.Address = fake._server.Address.Authority;
        return fake;
    }

    /// <summary>Stores a manifest (Docker schema 2 unless <paramref name="mediaType"/> says otherwise) under <paramref name="repository"/>:<paramref name="tag"/>; returns its digest.</summary>
    public string AddManifest(string repository, string tag, string json, string mediaType = DockerManifest)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var digest = DigestOf(body);
        _manifests[$"{repository}:{tag}"] = (body, mediaType);
        _manifests[$"{repository}:{digest}"] = (body, mediaType);
        return digest;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with 503 Service Unavailable.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresToServe, count);

    private async Task HandleAsync(HttpContext context)
    {
        var (request, response) = (context.Request, context.Response);
        _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        response.Headers["Docker-Distribution-API-Version"] = "registry/2.0";
        if (Interlocked.Decrement(ref _failuresToServe) >= 0)
        {
            response.StatusCode = 503;
            return;
        }
        var path = request.Path.Value ?? "";
        if (path == "/v2/token")
        {
            if (request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")))
            {
                response.StatusCode = 401;
                return;
            }
            var token = "DockerToken." + Guid.NewGuid();
            _tokens[token] = true;
            await response.WriteAsJsonAsync(new { token });
            return;
        }
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization[7..]))
        {
            var realm = $"http://{Address}/v2/token";
            response.StatusCode = 401;
            response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\",service=\"{realm}\"";
            await response.WriteAsync("""{"errors":[{"code":"UNAUTHORIZED","message":"access to the requested resource is not authorized","detail":null}]}""");
            return;
        }
        if (path == "/v2/")
        {
            await response.WriteAsync("{}");
            return;
        }
        var marker = path.LastIndexOf("/manifests/", StringComparison.Ordinal);
        if (marker > 4 && HttpMethods.IsPut(request.Method))
        {
            await PutManifestAsync(context, path[4..marker], path[(marker + 11)..]);
            return;
        }
        if (marker > 4 && _manifests.TryGetValue($"{path[4..marker]}:{path[(marker + 11)..]}", out var manifest))
        {
            var body = manifest.Body;
            response.ContentType = manifest.MediaType;
            response.ContentLength = body.Length;
            response.Headers["Docker-Content-Digest"] = DigestOf(body);
            if (!HttpMethods.IsHead(request.Method))
                await response.Body.WriteAsync(body);
            return;
        }
        response.StatusCode = 404;
        await response.WriteAsync("""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":null}]}""");
    }

    private async Task PutManifestAsync(HttpContext context, string repository, string reference)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var digest = DigestOf(body);
        if (RedeployDisabled && _manifests.TryGetValue($"{repository}:{reference}", out var existing) && !existing.Body.AsSpan().SequenceEqual(body))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("""{"errors":[{"code":"DENIED","message":"Repository does not allow updating assets: docker-hosted","detail":null}]}""");
            return;
        }
        var mediaType = context.Request.ContentType ?? "";
        _manifests[$"{repository}:{reference}"] = (body, mediaType);
        _manifests[$"{repository}:{digest}"] = (body, mediaType);
        context.Response.StatusCode = 201;
        context.Response.Headers.Location = $"/v2/{repository}/manifests/{digest}";
        context.Response.Headers["Docker-Content-Digest"] = digest;
    }

    // Over the exact bytes, as a registry computes it.
    private static string DigestOf(byte[] body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
