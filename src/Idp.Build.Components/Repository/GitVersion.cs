using System.Globalization;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.Repository;

/// <summary>
/// The version of a commit from its tags: on a tag <c>v1.4.0</c> it is <c>1.4.0</c>; <c>n</c> commits after it,
/// <c>1.4.1-ci.n+sha</c>; without any tag, <c>0.1.0-ci.n+sha</c> with n the number of commits. Outside git, <c>0.1.0-local</c>.
/// </summary>
public static partial class GitVersion
{
    public static string FromDescribe(string? describe, int commitCount, string? shortSha)
    {
        if (describe is not null && DescribePattern().Match(describe.Trim()) is { Success: true } match)
        {
            var (major, minor, patch) = (Number(match, "major"), Number(match, "minor"), Number(match, "patch"));
            var distance = Number(match, "distance");
            return distance == 0
                ? $"{major}.{minor}.{patch}"
                : $"{major}.{minor}.{patch + 1}-ci.{distance}+{match.Groups["sha"].Value}";
        }
        return shortSha is null ? "0.1.0-local" : $"0.1.0-ci.{commitCount}+{shortSha}";
    }

    /// <summary>"1.4.1-ci.3+abc" → "1.4.1": what AssemblyVersion/FileVersion accept.</summary>
    public static string NumericPart(string version) => version.Split('-', '+')[0];

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^v(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)-(?<distance>\d+)-g(?<sha>[0-9a-f]+)$")]
    private static partial Regex DescribePattern();
}
