namespace Idp.Build.Components.Secrets;

/// <summary>Where Vault is and how <see cref="VaultClient"/> talks to it (named as in VaultSharp).</summary>
/// <param name="vaultServerUriWithPort">Vault's address, e.g. <c>https://vault.bank.internal:8200</c>.</param>
/// <param name="authMethodInfo">How the client gets its token.</param>
public sealed class VaultClientSettings(string vaultServerUriWithPort, AuthMethodInfo authMethodInfo)
{
    /// <summary>Vault's address.</summary>
    public string VaultServerUriWithPort { get; } = vaultServerUriWithPort;

    /// <summary>How the client gets its token.</summary>
    public AuthMethodInfo AuthMethodInfo { get; } = authMethodInfo ?? throw new ArgumentNullException(nameof(authMethodInfo));

    /// <summary>The Enterprise/HCP namespace, sent as <c>X-Vault-Namespace</c>; null for none.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// Receives every secret the client handles — values read, the login token, the credentials it logs in with —
    /// before anything else sees them: the engine's <c>IBuild.RegisterSecret</c>, so all output masks them.
    /// </summary>
    public Action<string?> RegisterSecret { get; init; } = _ => { };

    /// <summary>A PEM file with the CA that signed Vault's certificate, when the machine's trust store lacks it.</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>How requests are retried.</summary>
    public VaultRetryPolicy Retry { get; init; } = new();

    /// <summary>The longest one request may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that decides when the token is renewed.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The HTTP handler (tests, proxies); a new <see cref="SocketsHttpHandler"/> when null.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
