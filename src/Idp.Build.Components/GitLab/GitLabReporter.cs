namespace Idp.Build.Components.GitLab;

/// <summary>
/// What the golden-path components tell GitLab: a commit status per stage (<c>idp/&lt;target&gt;</c>), one
/// merge-request note per topic updated in place, and deployment records for deploys GitLab does not see itself.
/// Each event is one call. Reporting never fails the build: without a token it does nothing (said once), and a
/// GitLab error becomes a warning.
/// </summary>
public sealed partial class GitLabReporter : IDisposable
{
    private readonly GitLabReporterSettings _settings;
    private readonly GitLabClient? _client;
    private readonly Action<string> _information;
    private readonly Action<string> _warning;
    private readonly string? _disabledReason;
    private int _disabledNoticeShown;
    private volatile bool _unreachable;

    /// <summary>Creates a reporter; it is disabled (and says why once, on first use) when the settings are incomplete.</summary>
    /// <param name="settings">Where to report and about which commit.</param>
    /// <param name="information">Writes an informational line to the build log.</param>
    /// <param name="warning">Writes a warning to the build log.</param>
    /// <param name="retry">How the client retries; the defaults when null.</param>
    /// <param name="handler">The HTTP handler (tests, proxies); the default when null.</param>
    public GitLabReporter(
        GitLabReporterSettings settings, Action<string> information, Action<string> warning,
        GitLabRetryPolicy? retry = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _information = information;
        _warning = warning;
        _disabledReason = settings.MissingReason();
        if (_disabledReason is null)
            _client = new GitLabClient(new Uri(settings.ApiUrl!), settings.Token!, retry, handler);
    }

    /// <summary>True when the settings allow reporting to GitLab.</summary>
    public bool IsEnabled => _client is not null;

    /// <summary>Sets the commit status <c>idp/&lt;target&gt;</c>, e.g. <c>ReportStageAsync("Test", CommitState.Running)</c>.</summary>
    /// <param name="target">The golden-path target, e.g. <c>SonarGate</c>.</param>
    /// <param name="state">Where the stage stands.</param>
    /// <param name="description">A short text shown beside the status, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task ReportStageAsync(string target, CommitState state, string? description = null, CancellationToken cancellationToken = default) =>
        Guard($"set status idp/{target} to {state}", client => client.SetCommitStatusAsync(
            _settings.ProjectId!, _settings.CommitSha!, state, StatusName(target), _settings.Ref, _settings.TargetUrl, description, cancellationToken));

    /// <summary>The commit status name of a target.</summary>
    public static string StatusName(string target) => "idp/" + target;

    private async Task Guard(string what, Func<GitLabClient, Task> action)
    {
        if (_client is null)
        {
            if (Interlocked.Exchange(ref _disabledNoticeShown, 1) == 0)
                _information($"GitLab reporting is off: {_disabledReason}. Commit statuses, merge-request notes and deployment records are not sent.");
            return;
        }
        // Once GitLab could not be reached at all, every later event would wait through the same retries again.
        if (_unreachable)
            return;
        try
        {
            await action(_client).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            _unreachable = true;
            _warning($"Could not {what} on GitLab (the build goes on, without further GitLab reporting in this run): {error.Message}");
        }
        catch (Exception error) when (error is GitLabApiException or TaskCanceledException or InvalidOperationException)
        {
            _warning($"Could not {what} on GitLab (the build goes on): {error.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client?.Dispose();
}
