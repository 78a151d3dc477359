namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// What the scanner's <c>end</c> step wrote to <c>report-task.txt</c>: which server received the analysis report and
/// which Compute Engine task processes it. Parsed as plain <c>key=value</c> lines; never executed.
/// </summary>
/// <param name="ProjectKey">The project key (<c>projectKey</c>).</param>
/// <param name="ServerUrl">The server the report went to (<c>serverUrl</c>).</param>
/// <param name="CeTaskId">The Compute Engine task to poll (<c>ceTaskId</c>).</param>
/// <param name="CeTaskUrl">The task's API URL (<c>ceTaskUrl</c>), when written.</param>
/// <param name="DashboardUrl">The project's dashboard (<c>dashboardUrl</c>), when written.</param>
/// <param name="ServerVersion">The server's version (<c>serverVersion</c>), when written.</param>
/// <param name="Organization">The organization (<c>organization</c>; SonarCloud only).</param>
public sealed record ReportTask(
    string ProjectKey,
    Uri ServerUrl,
    string CeTaskId,
    Uri? CeTaskUrl,
    Uri? DashboardUrl,
    string? ServerVersion,
    string? Organization)
{
    /// <summary>Where SonarScanner for .NET writes the file, relative to the directory the scanner ran in.</summary>
    public const string RelativePath = ".sonarqube/out/.sonar/report-task.txt";

    /// <summary>The file's path for a scanner run in <paramref name="scannerDirectory"/>.</summary>
    public static string PathIn(string scannerDirectory) => Path.Combine(scannerDirectory, ".sonarqube", "out", ".sonar", "report-task.txt");

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="SonarQubeException">The file is missing or lacks <c>ceTaskId</c> or <c>serverUrl</c>.</exception>
    public static ReportTask Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new SonarQubeException(
                $"The SonarQube scanner's report file {fullPath} does not exist, so there is no analysis to wait for. "
                + "The scanner's 'end' step did not run, failed, or ran in another directory: look at its output above, "
                + "and run 'begin', the build and 'end' from the same directory.");
        }
        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Parses the file's text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="SonarQubeException">A required key is missing or a URL is malformed.</exception>
    public static ReportTask Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line.StartsWith('#') || separator <= 0)
                continue;
            // Values such as ceTaskUrl contain '=' themselves: only the first one separates.
            values[line[..separator].Trim()] = line[(separator + 1)..].Trim();
        }

        var missing = new[] { "ceTaskId", "serverUrl", "projectKey" }.Where(k => !values.TryGetValue(k, out var v) || v.Length == 0).ToArray();
        if (missing.Length > 0)
        {
            throw new SonarQubeException(
                $"The SonarQube scanner's report file {source} lacks {string.Join(", ", missing.Select(k => $"'{k}'"))} "
                + $"(it has: {(values.Count == 0 ? "nothing" : string.Join(", ", values.Keys))}). "
                + "The scanner's 'end' step did not finish uploading the analysis: look at its output, and check that the file was not written by another tool.");
        }

        return new ReportTask(
            values["projectKey"],
            Url("serverUrl", required: true)!,
            values["ceTaskId"],
            Url("ceTaskUrl", required: false),
            Url("dashboardUrl", required: false),
            values.GetValueOrDefault("serverVersion"),
            values.GetValueOrDefault("organization"));

        Uri? Url(string key, bool required)
        {
            if (!values.TryGetValue(key, out var value) || value.Length == 0)
                return null;
            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                return url;
            if (!required)
                return null;
            throw new SonarQubeException($"The SonarQube scanner's report file {source} has {key}='{value}', which is not an absolute http(s) URL. Check --sonar-host-url given to the scanner's 'begin' step.");
        }
    }
}
