using System.Security.Cryptography;
using System.Text;

namespace HelloService;

/// <summary>
/// Checks the <c>X-Api-Key</c> header against the secret <c>HELLO_API_KEY</c> from the environment (injected by
/// Vault Agent on OpenShift, by the local secrets file on a laptop). Without the secret every call is refused.
/// </summary>
public sealed class ApiKeyCheck(IConfiguration configuration)
{
    public const string Header = "X-Api-Key";
    public const string SecretName = "HELLO_API_KEY";

    private readonly byte[]? _expected = configuration[SecretName] is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public bool IsConfigured => _expected is not null;

    public bool Accepts(string? presented) =>
        _expected is not null && presented is not null && CryptographicOperations.FixedTimeEquals(_expected, Encoding.UTF8.GetBytes(presented));
}
