using System.Security.Cryptography.X509Certificates;
using Polly;
using Polly.Retry;

namespace Idp.Build.Components.Secrets;

/// <summary>
/// A small typed client of Vault's HTTP API: token, AppRole, JWT and Kubernetes auth; KV v2 (latest or a given
/// version, with metadata) and KV v1 reads; namespaces; token renewal for long runs; <c>sys/health</c>.
/// Every value read and the login token go to <see cref="VaultClientSettings.RegisterSecret"/> before the client
/// returns them. Failures throw <see cref="VaultException"/> (or <see cref="VaultApiException"/> for an error
/// answer) with a message that says what to fix.
/// </summary>
public sealed partial class VaultClient : IDisposable
{
    private readonly VaultClientSettings _settings;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    /// <summary>Creates a client; it logs in on first use.</summary>
    public VaultClient(VaultClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Uri.TryCreate(settings.VaultServerUriWithPort, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException(
                $"The Vault address '{settings.VaultServerUriWithPort}' is not an absolute http(s) URL; give --vault-address like https://vault.example.internal:8200.",
                nameof(settings));
        }
        _settings = settings;
        Address = address.GetLeftPart(UriPartial.Authority);
        foreach (var secret in settings.AuthMethodInfo.Secrets)
            settings.RegisterSecret(secret);
        _http = new HttpClient(settings.Handler ?? CreateHandler(settings.CaCertificateFile), disposeHandler: settings.Handler is null)
        {
            Timeout = settings.Timeout,
        };
        _http.DefaultRequestHeaders.Add("X-Vault-Request", "true");
        if (!string.IsNullOrWhiteSpace(settings.Namespace))
            _http.DefaultRequestHeaders.Add("X-Vault-Namespace", settings.Namespace);
        _retry = CreateRetry(settings.Retry);
    }

    /// <summary>Vault's address, scheme, host and port.</summary>
    public string Address { get; }

    /// <summary>The namespace sent with every request, or null.</summary>
    public string? Namespace => string.IsNullOrWhiteSpace(_settings.Namespace) ? null : _settings.Namespace;

    /// <summary>How the client gets its token.</summary>
    public AuthMethodInfo AuthMethodInfo => _settings.AuthMethodInfo;

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _tokenGate.Dispose();
    }

    private static SocketsHttpHandler CreateHandler(string? caCertificateFile)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caCertificateFile is null)
            return handler;
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(caCertificateFile);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new VaultException($"The CA certificate file '{caCertificateFile}' given for Vault cannot be read ({error.Message}). Give a PEM file holding the certificate of the CA that signed Vault's certificate.", error);
        }
        if (authorities.Count == 0)
            throw new VaultException($"The CA certificate file '{caCertificateFile}' given for Vault holds no PEM certificate ('-----BEGIN CERTIFICATE-----'). Give the PEM file of the CA that signed Vault's certificate.");
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.AddRange(authorities);
        handler.SslOptions.CertificateChainPolicy = policy;
        return handler;
    }

    private static ResiliencePipeline<HttpResponseMessage> CreateRetry(VaultRetryPolicy policy)
    {
        if (policy.MaxRetries <= 0)
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                Delay = policy.FirstDelay,
                MaxDelay = policy.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException error } => !IsTlsFailure(error),
                    { Exception: TaskCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    { Result: { } response } => VaultRetryPolicy.IsTransient((int)response.StatusCode),
                    _ => false,
                }),
            })
            .Build();
    }
}
