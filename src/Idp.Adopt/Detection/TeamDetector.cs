using System.Text.RegularExpressions;

namespace Idp.Adopt.Detection;

/// <summary>The owning team: --team, else the team of an existing idp.yaml, else the group of the Git remote <c>origin</c> (git@host:payments/api.git → payments).</summary>
public static partial class TeamDetector
{
    /// <summary>The team: <paramref name="requested"/> (--team) or one read from the repository.</summary>
    public static Finding<string> Detect(string root, string? requested)
    {
        if (requested is not null)
        {
            return DnsLabel().IsMatch(requested)
                ? new Finding<string>(requested, "--team")
                : throw new AdoptionProblem($"--team {requested}: a team must be a DNS-1123 label of 1-58 characters (lowercase letters, digits and '-', starting with a letter), e.g. payments.");
        }
        // A second run reads the team the first one wrote.
        var descriptor = Path.Combine(root, "idp.yaml");
        if (File.Exists(descriptor) && DescriptorTeam().Match(File.ReadAllText(descriptor)) is { Success: true } written && DnsLabel().IsMatch(written.Groups["team"].Value))
            return new Finding<string>(written.Groups["team"].Value, "idp.yaml");
        var config = Path.Combine(root, ".git", "config");
        if (File.Exists(config) && OriginUrl().Match(File.ReadAllText(config)) is { Success: true } origin)
        {
            var parts = origin.Groups["url"].Value.Trim().Replace(':', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[^2].ToLowerInvariant() is var group && DnsLabel().IsMatch(group))
                return new Finding<string>(group, "the group of Git remote origin");
        }
        throw new AdoptionProblem("No team given and none could be read from the Git remote 'origin'. Pass the owning team with --team <name>, e.g. --team payments.");
    }

    [GeneratedRegex(@"^[a-z]([-a-z0-9]{0,56}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^  team:\s*(?<team>[-a-z0-9]+)", RegexOptions.Multiline)]
    private static partial Regex DescriptorTeam();

    [GeneratedRegex(@"\[remote ""origin""\][^\[]*?url\s*=\s*(?<url>\S+)")]
    private static partial Regex OriginUrl();
}
