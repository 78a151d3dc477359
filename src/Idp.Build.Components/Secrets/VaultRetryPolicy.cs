namespace Idp.Build.Components.Secrets;

/// <summary>
/// How <see cref="VaultClient"/> retries: connection failures, timeouts, 412 (Enterprise eventual consistency),
/// 429 and 5xx (a sealed or overloaded node), with bounded exponential backoff. Other 4xx answers fail at once:
/// repeating a refused request cannot change the answer.
/// </summary>
public sealed record VaultRetryPolicy
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff; it doubles with each retry (with jitter).</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    internal static bool IsTransient(int status) => status is 412 or 429 || status >= 500;
}
