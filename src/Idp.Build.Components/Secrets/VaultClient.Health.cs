namespace Idp.Build.Components.Secrets;

// sys/health: unauthenticated, answered with a status per node state and never retried (the state is the answer).
public sealed partial class VaultClient
{
    /// <summary>The node's state (<c>GET /v1/sys/health</c>); a sealed or standby node is a result, not an exception.</summary>
    public async Task<HealthStatus> GetHealthStatusAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "sys/health", null, null, cancellationToken, retry: false).ConfigureAwait(false);
        var health = Deserialize(answer, VaultJson.Default.HealthStatus, "GET /v1/sys/health");
        health.HttpStatusCode = answer.Status;
        return health;
    }

    /// <summary>Fails with what to do unless the node is initialised, unsealed and active (or a standby that forwards).</summary>
    public async Task<HealthStatus> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        var health = await GetHealthStatusAsync(cancellationToken).ConfigureAwait(false);
        var problem = health switch
        {
            { Initialized: false } => "is not initialised: run 'vault operator init' (or point --vault-address at an initialised cluster)",
            { Sealed: true } => "is sealed: ask the Vault operators to unseal it ('vault operator unseal'), or point --vault-address at an unsealed node",
            _ => null,
        };
        if (problem is not null)
            throw new VaultApiException($"Vault at {Address} {problem}. GET /v1/sys/health answered {health.HttpStatusCode}.", (System.Net.HttpStatusCode)health.HttpStatusCode, []);
        return health;
    }
}
