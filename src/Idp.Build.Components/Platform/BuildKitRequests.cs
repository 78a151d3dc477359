using Docker.DotNet;

namespace Idp.Build.Components.Platform;

/// <summary>
/// Asks the engine for BuildKit on every <c>POST /build</c> of a client (query parameter <c>version=2</c>).
/// </summary>
/// <remarks>
/// Docker.DotNet 3.125's <c>ImageBuildParameters</c> has no <c>version</c> field, and <see cref="Credentials"/> is its
/// one hook into the HTTP pipeline: this wraps the connection's handler and passes everything else through.
/// </remarks>
internal sealed class BuildKitRequests : Credentials
{
    public override bool IsTlsCredentials() => false;

    public override HttpMessageHandler GetHandler(HttpMessageHandler innerHandler) => new Handler(innerHandler);

    private sealed class Handler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri is { } uri && uri.AbsolutePath.EndsWith("/build", StringComparison.Ordinal))
                request.RequestUri = new UriBuilder(uri) { Query = uri.Query.TrimStart('?') is { Length: > 0 } query ? query + "&version=2" : "version=2" }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
