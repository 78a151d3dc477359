using System.Net;

namespace Idp.Build.Components.Secrets;

// Error answers as messages that say what to fix: which path, which role, which address.
public sealed partial class VaultClient
{
    private string InNamespace => Namespace is null ? "" : $" (namespace '{Namespace}')";

    private VaultApiException Failure(VaultAnswer answer, HttpMethod method, string path)
    {
        var request = $"Vault at {Address}{InNamespace} answered {answer.Status} to {method} /v1/{path}: {answer.ErrorText}";
        var (token, holder) = AuthMethodInfo is TokenAuthMethodInfo ? ("The token given with --vault-token (VAULT_TOKEN)", "that token") : ($"The token from {AuthMethodInfo}", "that role");
        var message = answer.Status switch
        {
            403 => $"{request}. {token} may not do this: a policy of {holder} must grant the 'read' capability on the path \"{path}\" " +
                   "(a KV v2 policy names the path with 'data/'). Ask the Vault admins to add it, or correct the path and --vault-namespace. " +
                   "An expired or revoked token is refused the same way.",
            404 => $"{request}. Nothing exists at that path; check it and --vault-namespace.",
            503 => $"{request} ({answer.Attempts} attempts). Vault is sealed or in maintenance: ask the Vault operators to unseal it ('vault operator unseal'), " +
                   $"or point --vault-address at an unsealed, active node. {Address}/v1/sys/health shows the node's state.",
            429 => $"{request} ({answer.Attempts} attempts). The node is a standby or a rate limit applies: point --vault-address at the cluster's active address " +
                   "(its load balancer), or try again later.",
            >= 500 => $"{request} ({answer.Attempts} attempts in a row). Vault itself is failing: check {Address}/v1/sys/health and the server's logs, then run the build again.",
            _ => $"{request}. Check the request against Vault's HTTP API documentation.",
        };
        return new VaultApiException(message, (HttpStatusCode)answer.Status, answer.Errors);
    }

    private VaultApiException LoginFailure(VaultAnswer answer, HttpMethod method, string path)
    {
        if (answer.Status is not (400 or 401 or 403))
            return Failure(answer, method, path);
        var message = AuthMethodInfo is TokenAuthMethodInfo
            ? $"Vault at {Address}{InNamespace} refused {AuthMethodInfo} ({answer.Status}: {answer.ErrorText}): it is wrong, expired or revoked. {AuthMethodInfo.LoginHint}"
            : $"Vault at {Address}{InNamespace} refused the login of {AuthMethodInfo} (POST /v1/{path} answered {answer.Status}: {answer.ErrorText}). {AuthMethodInfo.LoginHint}";
        return new VaultApiException(message, (HttpStatusCode)answer.Status, answer.Errors);
    }
}
