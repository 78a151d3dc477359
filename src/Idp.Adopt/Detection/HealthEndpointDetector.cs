using System.Text.RegularExpressions;

namespace Idp.Adopt.Detection;

/// <summary>
/// The path the platform probes: <c>MapHealthChecks("...")</c> or a <c>MapGet</c> whose path names health, else a
/// GET endpoint without parameters or a Razor Pages index (they answer 200 while the service runs, which is what
/// the probe needs), else the golden path's <c>/health</c>.
/// </summary>
public static partial class HealthEndpointDetector
{
    /// <summary>The liveness path and, when the code has a separate one, the readiness path.</summary>
    public sealed record Result(Finding<string> Health, string? Readiness)
    {
        /// <summary>The path answers while the service runs but is no health check: worth replacing by one.</summary>
        public bool IsStandIn { get; init; }
    }

    /// <summary>Searches the C# files of the web project in <paramref name="projectDirectory"/>.</summary>
    public static Result Detect(string projectDirectory)
    {
        var health = new List<(string Path, string File)>();
        string? firstGet = null, firstGetFile = null;
        foreach (var file in SourceFiles.CSharp(projectDirectory))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in HealthChecks().Matches(text))
                health.Add((match.Groups["path"].Value, $"MapHealthChecks in {Path.GetFileName(file)}"));
            foreach (Match match in MapGet().Matches(text))
            {
                var path = match.Groups["path"].Value;
                if (HealthWord().IsMatch(path))
                    health.Add((path, $"MapGet in {Path.GetFileName(file)}"));
                else if (firstGet is null && !path.Contains('{', StringComparison.Ordinal))
                    (firstGet, firstGetFile) = (path, Path.GetFileName(file));
            }
        }
        var liveness = health.FirstOrDefault(h => !h.Path.Contains("ready", StringComparison.OrdinalIgnoreCase));
        var readiness = health.FirstOrDefault(h => h.Path.Contains("ready", StringComparison.OrdinalIgnoreCase));
        if (liveness.Path is not null)
            return new Result(new Finding<string>(liveness.Path, liveness.File), readiness.Path);
        if (readiness.Path is not null)
            return new Result(new Finding<string>(readiness.Path, readiness.File), null);
        if (firstGet is not null)
            return new Result(new Finding<string>(firstGet, $"no health endpoint; MapGet in {firstGetFile} answers while the service runs"), null) { IsStandIn = true };
        if (File.Exists(Path.Combine(projectDirectory, "Pages", "Index.cshtml")))
            return new Result(new Finding<string>("/", "no health endpoint; the Razor Pages index answers while the service runs"), null) { IsStandIn = true };
        return new Result(Finding<string>.Default("/health", "golden-path default (no MapHealthChecks or MapGet found)"), null);
    }

    [GeneratedRegex(@"MapHealthChecks\(\s*""(?<path>/[^""]*)""")]
    private static partial Regex HealthChecks();

    [GeneratedRegex(@"MapGet\(\s*""(?<path>/[^""]*)""")]
    private static partial Regex MapGet();

    // A whole path segment, so that /delivery is not taken for a liveness endpoint.
    [GeneratedRegex(@"(^|/)(health[\w-]*|alive|live(ness)?|ready|readiness|ping)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HealthWord();
}
