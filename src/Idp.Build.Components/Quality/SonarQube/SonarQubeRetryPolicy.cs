namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// How <see cref="SonarQubeClient"/> retries: 5xx answers and connection failures, with exponential backoff up to a
/// ceiling. Everything else is answered at once.
/// </summary>
public sealed record SonarQubeRetryPolicy
{
    /// <summary>Attempts per request, the first one included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff; it doubles with each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Waits between attempts; tests replace it to record the delays instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    internal TimeSpan Backoff(int attempt)
    {
        var delay = BaseDelay * Math.Pow(2, attempt - 1);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
