using System.Text.RegularExpressions;

namespace Idp.Build.Components.Descriptor;

// Reads one mapping of the descriptor with a fixed set of keys: rejects unknown keys (with a "did you mean"),
// reports missing required keys at the mapping's own key, and reads typed values, adding a problem for every
// value that is absent, of the wrong type or invalid. A method returns null where it reported a problem.
internal sealed partial class MappingReader
{
    private readonly YamlTreeMapping _mapping;
    private readonly YamlTreeNode _owner;

    private MappingReader(YamlTreeMapping mapping, YamlTreeNode owner, string path, DescriptorProblems problems)
    {
        _mapping = mapping;
        _owner = owner;
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public DescriptorProblems Problems { get; }

    /// <summary>Opens <paramref name="node"/> as a mapping of <paramref name="keys"/>; <paramref name="owner"/> is where a missing key is reported.</summary>
    public static MappingReader? Open(YamlTreeNode node, YamlTreeNode owner, string path, DescriptorProblems problems, IReadOnlyList<string> keys)
    {
        if (node is not YamlTreeMapping mapping)
        {
            problems.Add(node, path, $"Expected a mapping with the keys {string.Join(", ", keys)}, but found {node.Describe()}.");
            return null;
        }
        foreach (var entry in mapping.Entries.Where(e => !keys.Contains(e.Key.Value)))
        {
            problems.Add(entry.Key, ChildPath(path, entry.Key.Value),
                $"Unknown key '{entry.Key.Value}'.{NameSuggestions.DidYouMean(entry.Key.Value, keys)} Valid keys here: {string.Join(", ", keys)}.");
        }
        return new MappingReader(mapping, owner, path, problems);
    }

    public static string ChildPath(string path, string key)
    {
        var segment = PlainKeyPattern().IsMatch(key) ? key : $"[\"{key}\"]";
        return path.Length == 0 ? segment : segment.StartsWith('[') ? path + segment : $"{path}.{segment}";
    }

    public string ChildPath(string key) => ChildPath(Path, key);

    public YamlTreeEntry? Entry(string key) => _mapping.Find(key);

    /// <summary>Reports a missing required key; <paramref name="example"/> is a line the user could add.</summary>
    public void ReportMissing(string key, string example, string? why = null) =>
        Problems.Add(_owner, ChildPath(key), $"'{key}' is missing{(why is null ? "" : $" ({why})")}. Add it, e.g. '{example}'.");

    public void Report(YamlTreeNode node, string key, string message) => Problems.Add(node, ChildPath(key), message);

    public MappingReader? Section(string key, IReadOnlyList<string> keys, string? requiredExample = null) =>
        Entry(key) is { } entry ? Open(entry.Value, entry.Key, ChildPath(key), Problems, keys) : Missing<MappingReader>(key, requiredExample);

    private T? Missing<T>(string key, string? requiredExample) where T : class
    {
        if (requiredExample is not null)
            ReportMissing(key, requiredExample);
        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainKeyPattern();
}
