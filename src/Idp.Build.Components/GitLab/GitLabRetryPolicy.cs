using System.Net;

namespace Idp.Build.Components.GitLab;

/// <summary>
/// How <see cref="GitLabClient"/> retries: 429 after GitLab's <c>Retry-After</c>, 5xx and connection failures with
/// exponential backoff. Everything else is answered at once.
/// </summary>
public sealed record GitLabRetryPolicy
{
    /// <summary>Attempts per request, the first one included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff after a 5xx; it doubles with each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one fails the request rather than stall the build.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Waits between attempts; tests replace it to record the delays instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    internal static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    internal TimeSpan Backoff(int attempt) => BaseDelay * Math.Pow(2, attempt - 1);

    /// <summary>GitLab sends <c>Retry-After</c> in seconds; an HTTP date is honoured too.</summary>
    internal TimeSpan RetryAfter(HttpResponseMessage response, int attempt)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : Backoff(attempt));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
