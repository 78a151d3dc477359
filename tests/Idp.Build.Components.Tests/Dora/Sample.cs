using Idp.Build.Components.Dora;

namespace Idp.Build.Components.Tests.Dora;

/// <summary>Deployment facts in the shape of the DORA public cases (2024-03-05, UTC).</summary>
internal static class Sample
{
    public static DateTimeOffset At(int hour, int minute = 0) => new(2024, 3, 5, hour, minute, 0, TimeSpan.Zero);

    public static DeploymentFacts Deploy(string service, int hour, params (string Sha, int Hour)[] commits) => new(
        service, "alpha", "production", $"pkg:oci/{service}@sha256:{new string('a', 64)}", At(hour),
        commits.Select(c => new CommitInfo(c.Sha, At(c.Hour))).ToList(), "https://ci.example/p/1", "ci");

    public static string Sha(int n) => n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
}
