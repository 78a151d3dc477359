using System.Text.RegularExpressions;

namespace Idp.Build.Components.Descriptor;

// A YAML document as the reader needs it: every node keeps its 1-based line and column, and a scalar keeps
// whether it was quoted, so a number can be told from text (YAML 1.2 core schema, as editors resolve it).
internal abstract class YamlTreeNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>How the node reads in an error message: "a list", "the text 'abc'", "the number 12".</summary>
    public abstract string Describe();
}

internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

internal sealed partial class YamlTreeScalar(string value, bool isPlain, int line, int column) : YamlTreeNode(line, column)
{
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = isPlain ? Resolve(value) : ScalarKind.String;

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "nothing (an empty value)",
        ScalarKind.Boolean => $"the boolean {Value}",
        ScalarKind.Integer or ScalarKind.Float => $"the number {Value}",
        _ => $"the text '{Value}'",
    };

    private static ScalarKind Resolve(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when IntegerPattern().IsMatch(value) => ScalarKind.Integer,
        _ when FloatPattern().IsMatch(value) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    [GeneratedRegex("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}

internal sealed record YamlTreeEntry(YamlTreeScalar Key, YamlTreeNode Value);

internal sealed class YamlTreeMapping(IReadOnlyList<YamlTreeEntry> entries, int line, int column) : YamlTreeNode(line, column)
{
    public IReadOnlyList<YamlTreeEntry> Entries { get; } = entries;

    public YamlTreeEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public override string Describe() => "a mapping (key: value pairs)";
}

internal sealed class YamlTreeSequence(IReadOnlyList<YamlTreeNode> items, int line, int column) : YamlTreeNode(line, column)
{
    public IReadOnlyList<YamlTreeNode> Items { get; } = items;

    public override string Describe() => "a list";
}
