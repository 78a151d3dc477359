using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Idp.Build.Components.Descriptor;

// Builds a YamlTree from YamlDotNet's parser events rather than its representation model: the model stops at the
// first duplicate key, and the reader wants to report every duplicate together with everything else.
internal static partial class YamlTreeLoader
{
    private const string MergeKey = "<<";

    /// <summary>The document's root, or null when the file has no document or a syntax error (then reported).</summary>
    public static YamlTreeNode? Load(string text, DescriptorProblems problems)
    {
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return null;
            parser.Consume<DocumentStart>();
            var root = new Loading(parser, problems).Node();
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                problems.Add(Line(second.Start), Column(second.Start), "",
                    "A second YAML document starts here ('---'). Keep one descriptor per file: remove the '---' and everything after it, or merge the two.");
            }
            return root;
        }
        catch (YamlException error)
        {
            var (line, column) = error.Message.Contains("tab", StringComparison.Ordinal) && FirstIndentingTab(text) is { } tab
                ? tab
                : (Line(error.Start), Column(error.Start));
            problems.Add(line, column, "",
                $"This is not valid YAML: {WithoutPosition(error.Message)}. Check the indentation and quoting on this line and the one above.");
            return null;
        }
        catch (InvalidOperationException) when (parser.OpenFlowCollection is { } open)
        {
            problems.Add(Line(open.Start), Column(open.Start), "",
                "This is not valid YAML: this '{' or '[' is never closed. Close it on the same entry, or write the entries as indented lines.");
            return null;
        }
        catch (InvalidOperationException)
        {
            problems.Add(Line(parser.LastEnd), Column(parser.LastEnd), "",
                "This is not valid YAML: the parser could not read on from here. Check for an unclosed quote, '{' or '['.");
            return null;
        }
    }

    // YamlDotNet reports a tab used as indentation at the start of the enclosing mapping; the tab itself is more useful.
    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
                return (i + 1, tab + 1);
        }
        return null;
    }

    private static int Line(Mark mark) => (int)mark.Line;

    private static int Column(Mark mark) => (int)mark.Column;

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the problem carries the position already.
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, "").TrimEnd('.');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    private sealed class Loading(TrackingParser parser, DescriptorProblems problems)
    {
        private readonly Dictionary<string, YamlTreeNode> _anchors = new(StringComparer.Ordinal);

        public YamlTreeNode Node()
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
                    return anchored;
                problems.Add(Line(alias.Start), Column(alias.Start), "",
                    $"The alias '*{alias.Value.Value}' refers to no anchor. Define '&{alias.Value.Value}' on a node above it.");
                return new YamlTreeScalar("", isPlain: true, Line(alias.Start), Column(alias.Start));
            }
            var start = parser.Current as NodeEvent ?? throw new YamlException(parser.Current!.Start, parser.Current.End, "Expected a value");
            YamlTreeNode node = start switch
            {
                Scalar scalar => Scalar(scalar),
                SequenceStart => Sequence(),
                MappingStart => Mapping(),
                _ => throw new YamlException(start.Start, start.End, $"Unexpected {start.GetType().Name}"),
            };
            if (!start.Anchor.IsEmpty)
                _anchors[start.Anchor.Value] = node;
            return node;
        }

        private YamlTreeScalar Scalar(Scalar scalar)
        {
            parser.MoveNext();
            var forcedText = !scalar.Tag.IsEmpty && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str";
            return new YamlTreeScalar(scalar.Value, scalar.Style == ScalarStyle.Plain && !forcedText, Line(scalar.Start), Column(scalar.Start));
        }

        private YamlTreeSequence Sequence()
        {
            var start = parser.Consume<SequenceStart>();
            var items = new List<YamlTreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(Node());
            return new YamlTreeSequence(items, Line(start.Start), Column(start.Start));
        }

        private YamlTreeMapping Mapping()
        {
            var start = parser.Consume<MappingStart>();
            var entries = new List<YamlTreeEntry>();
            var merged = new List<YamlTreeEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = Node();
                var value = Node();
                if (key is not YamlTreeScalar scalarKey || scalarKey.Kind == ScalarKind.Null)
                {
                    problems.Add(key, "", $"A key must be a name, but this one is {key.Describe()}. Write 'name: value'.");
                    continue;
                }
                if (scalarKey.Value == MergeKey && scalarKey.Kind == ScalarKind.String)
                {
                    merged.AddRange(MergedEntries(scalarKey, value));
                    continue;
                }
                if (entries.FirstOrDefault(e => e.Key.Value == scalarKey.Value) is { } first)
                {
                    problems.Add(scalarKey, "",
                        $"The key '{scalarKey.Value}' appears twice in this mapping (first on line {first.Key.Line}); YAML keeps only one of them. Remove one.");
                    continue;
                }
                entries.Add(new YamlTreeEntry(scalarKey, value));
            }
            // YAML merge keys ('<<: *defaults'): keys written in the mapping itself win over merged ones.
            foreach (var entry in merged.Where(m => entries.All(e => e.Key.Value != m.Key.Value)))
                entries.Add(entry);
            return new YamlTreeMapping(entries, Line(start.Start), Column(start.Start));
        }

        private IEnumerable<YamlTreeEntry> MergedEntries(YamlTreeScalar key, YamlTreeNode value)
        {
            var sources = value switch
            {
                YamlTreeMapping mapping => [mapping],
                YamlTreeSequence sequence when sequence.Items.All(i => i is YamlTreeMapping) => sequence.Items.Cast<YamlTreeMapping>().ToArray(),
                _ => null,
            };
            if (sources is null)
            {
                problems.Add(key, "", $"A merge key ('<<') needs a mapping or a list of mappings (e.g. '<<: *defaults'), but got {value.Describe()}.");
                return [];
            }
            // With several sources the first one listed wins, as the YAML merge-key rules say.
            return sources.SelectMany(s => s.Entries).DistinctBy(e => e.Key.Value);
        }
    }
}
