using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Idp.Build.Components.Registry;

/// <summary>
/// The parts of the registry v2 API the golden path uses (Nexus docker-hosted, <c>docker-registry</c>): access
/// check, manifest and blob lookups, and tagging a manifest that is there already. Answers Basic and Bearer token
/// challenges; retries 502/503/504, resets and timeouts with bounded backoff; fails at once on 401/403 naming the
/// registry and user.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    /// <summary>Every manifest and index type, so the registry never has to convert (§5.3).</summary>
    public static readonly string[] ManifestMediaTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    private readonly HttpClient _http;
    private readonly RegistryHost _host;
    private readonly RegistryCredentials? _credentials;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private AuthenticationHeaderValue? _authorization;

    /// <summary>A client for <paramref name="host"/>; <paramref name="retryDelays"/> defaults to 1, 2, 4 and 8 s.</summary>
    public RegistryClient(RegistryHost host, RegistryCredentials? credentials, IReadOnlyList<TimeSpan>? retryDelays = null, HttpMessageHandler? handler = null)
    {
        _host = host;
        _credentials = credentials;
        _retryDelays = retryDelays ?? [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(30);
        _http.BaseAddress = host.ApiBase;
    }

    /// <summary>Proves the credentials may push to <paramref name="repository"/>: <c>GET /v2/</c> after answering the challenge.</summary>
    public async Task CheckAccessAsync(string repository, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v2/"), repository, cancellationToken);
        await EnsureSuccessAsync(response, "GET /v2/", cancellationToken);
    }

    /// <summary>The manifest <paramref name="reference"/> (tag or digest) points to, or null when the registry has none.</summary>
    public async Task<ManifestInfo?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Head, repository, reference), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, $"HEAD /v2/{repository}/manifests/{reference}", cancellationToken);
        return ToManifestInfo(response, response.Content.Headers.ContentLength ?? 0);
    }

    /// <summary>The manifest's exact bytes with its digest and media type; a <see cref="RegistryException"/> when it is missing.</summary>
    public async Task<(ManifestInfo Info, byte[] Body)> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken = default) =>
        await FindManifestAsync(repository, reference, cancellationToken)
        ?? throw new RegistryException($"Registry {_host.Name} has no manifest {repository}:{reference} (GET /v2/{repository}/manifests/{reference} answered 404).", 404);

    /// <summary>The manifest's exact bytes with its digest, media type and config digest; null when the registry has none.</summary>
    public async Task<(ManifestInfo Info, byte[] Body)?> FindManifestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, $"GET /v2/{repository}/manifests/{reference}", cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var info = ToManifestInfo(response, body.Length) with { ConfigDigest = ConfigDigestOf(body) };
        // The digest is the hash of these bytes; a registry that leaves out Docker-Content-Digest still names it.
        return (info.Digest.Length > 0 ? info : info with { Digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)) }, body);
    }

    /// <summary>
    /// Stores <paramref name="body"/>, a manifest of <paramref name="mediaType"/>, under <paramref name="tag"/>; returns the
    /// digest the registry computed over those bytes. The registry refuses it (400) when a blob it names is missing.
    /// </summary>
    public async Task<string> PutManifestAsync(string repository, string tag, string mediaType, byte[] body, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, $"v2/{repository}/manifests/{tag}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
        }, repository, cancellationToken);
        await EnsureSuccessAsync(response, $"PUT /v2/{repository}/manifests/{tag}", cancellationToken);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
    }

    /// <summary>True when the registry holds blob <paramref name="digest"/> in <paramref name="repository"/>.</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), repository, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        await EnsureSuccessAsync(response, $"HEAD /v2/{repository}/blobs/{digest}", cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, $"v2/{repository}/manifests/{reference}");
        foreach (var type in ManifestMediaTypes)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        return request;
    }

    private static ManifestInfo ToManifestInfo(HttpResponseMessage response, long size)
    {
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : "";
        return new ManifestInfo(digest, size, response.Content.Headers.ContentType?.MediaType ?? "");
    }

    // An image manifest names its config; an index (several platforms) has none.
    private static string? ConfigDigestOf(byte[] manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
                && config.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String
                ? digest.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string Who => _credentials is null ? "anonymous access" : $"user '{_credentials.Username}'";

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string request, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        throw new RegistryException(
            $"Registry {_host.Name} answered {(int)response.StatusCode} {response.ReasonPhrase} to {request}: {Shorten(body)}",
            (int)response.StatusCode);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[..300] + "…";

    private static string BasicValue(RegistryCredentials credentials) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"));
}
