namespace Idp.Build.Components.Repository;

/// <summary>What the golden path needs to know about the commit being built.</summary>
/// <param name="CommitSha">The full SHA, or null outside a git repository.</param>
/// <param name="CommitTimestamp">When the commit was made (committer date), so rebuilding a commit gives the same labels.</param>
/// <param name="Branch">The branch, or null on a detached head without CI information.</param>
/// <param name="Version">The version derived from tags: see <see cref="GitVersion"/>.</param>
/// <param name="RemoteUrl">The URL of the <c>origin</c> remote without the credentials it may carry, or null without one.</param>
public sealed record GitRepository(string? CommitSha, DateTimeOffset? CommitTimestamp, string? Branch, string Version, string? RemoteUrl = null)
{
    /// <summary>The first 8 characters of the SHA, or "local".</summary>
    public string ShortSha => CommitSha is { Length: >= 8 } sha ? sha[..8] : "local";
}
