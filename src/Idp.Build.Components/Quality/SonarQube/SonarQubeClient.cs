using System.Net.Http.Headers;
using System.Text;

namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// A small typed client of SonarQube's Web API for the quality-gate flow: read the Compute Engine task the scanner
/// queued, wait for it, and read the quality gate of the resulting analysis. Authenticates with
/// <c>Authorization: Bearer</c> and falls back to Basic (token as user name, empty password) when a server older
/// than 10.0 answers 401; retries 5xx answers and connection failures per <see cref="SonarQubeRetryPolicy"/>.
/// Failures throw <see cref="SonarQubeException"/>, whose messages never contain the token.
/// </summary>
public sealed partial class SonarQubeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SonarQubeRetryPolicy _retry;
    private readonly AuthenticationHeaderValue? _bearer;
    private readonly AuthenticationHeaderValue? _basic;
    private volatile bool _useBasic;

    /// <summary>Creates a client for one SonarQube server.</summary>
    /// <param name="serverUrl">The server's base URL, e.g. <c>https://sonar.example.com</c> (a context path such as <c>/sonar</c> is kept).</param>
    /// <param name="token">A user (<c>squ_</c>) or analysis (<c>sqp_</c>/<c>sqa_</c>) token; null or empty for a server that allows anonymous reads.</param>
    /// <param name="retry">How to retry; the defaults when null.</param>
    /// <param name="handler">The HTTP handler (tests, proxies); a new <see cref="SocketsHttpHandler"/> when null.</param>
    public SonarQubeClient(Uri serverUrl, string? token, SonarQubeRetryPolicy? retry = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        if (!serverUrl.IsAbsoluteUri || serverUrl.Scheme is not ("https" or "http"))
            throw new ArgumentException($"The SonarQube URL '{serverUrl}' is not an absolute http(s) URL; give --sonar-host-url like https://sonar.example.com.", nameof(serverUrl));
        ServerUrl = serverUrl.AbsoluteUri.TrimEnd('/');
        _retry = retry ?? new SonarQubeRetryPolicy();
        if (!string.IsNullOrEmpty(token))
        {
            _bearer = new AuthenticationHeaderValue("Bearer", token);
            _basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(token + ":")));
        }
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Idp.Build");
    }

    /// <summary>The server's base URL, without a trailing slash.</summary>
    public string ServerUrl { get; }

    /// <summary>True once the server refused Bearer and accepted Basic; later requests go straight to Basic.</summary>
    public bool UsesBasicAuthentication => _useBasic;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
