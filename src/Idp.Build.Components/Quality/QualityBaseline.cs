using System.Text.Json;

namespace Idp.Build.Components.Quality;

/// <summary>
/// The analyzer findings a team has accepted for now (e.g. when adopting the golden path): findings whose
/// fingerprint is listed are not "new". Written with <c>--update-quality-baseline</c>, kept in the repository.
/// </summary>
public sealed class QualityBaseline
{
    private readonly HashSet<string> _fingerprints;

    private QualityBaseline(IEnumerable<string> fingerprints) => _fingerprints = fingerprints.ToHashSet(StringComparer.Ordinal);

    public static QualityBaseline Empty { get; } = new([]);

    public int Count => _fingerprints.Count;

    public bool Contains(AnalyzerIssue issue) => _fingerprints.Contains(issue.Fingerprint);

    public static QualityBaseline Read(string path)
    {
        if (!File.Exists(path))
            return Empty;
        try
        {
            var entries = JsonSerializer.Deserialize(File.ReadAllText(path), QualityJson.Default.EntryArray) ?? [];
            return new QualityBaseline(entries.Select(e => e.Fingerprint));
        }
        catch (JsonException e)
        {
            throw new BuildException($"The quality baseline {path} is not valid JSON ({e.Message}). Delete it and run SonarGate with --update-quality-baseline to write it again.");
        }
    }

    public static void Write(string path, IEnumerable<AnalyzerIssue> issues)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var entries = issues.Select(i => new Entry(i.Fingerprint, i.RuleId, i.File, i.Message)).DistinctBy(e => e.Fingerprint).ToArray();
        File.WriteAllText(path, JsonSerializer.Serialize(entries, QualityJson.Default.EntryArray) + "\n");
    }

    internal sealed record Entry(string Fingerprint, string RuleId, string File, string Message);
}
