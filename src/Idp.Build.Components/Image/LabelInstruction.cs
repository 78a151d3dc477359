using System.Text;

namespace Idp.Build.Components.Image;

/// <summary>
/// Adds an image's labels to a Dockerfile as one <c>LABEL</c> instruction at the end of the stage that is built.
/// </summary>
/// <remarks>
/// The engine's <c>labels</c> build parameter makes the classic builder append one <c>LABEL</c> step per label: after
/// a code change each of them runs a container and commits an image, and each adds an entry to the image's history.
/// One instruction is one step and one entry.
/// </remarks>
public static class LabelInstruction
{
    /// <summary>
    /// Returns <paramref name="dockerfile"/> with a <c>LABEL</c> instruction carrying <paramref name="labels"/> (sorted
    /// by name) at the end of stage <paramref name="target"/>, or of the last stage when there is no target.
    /// </summary>
    /// <exception cref="ArgumentException">A label name or value contains a line break.</exception>
    public static string AddTo(string dockerfile, string? target, IEnumerable<KeyValuePair<string, string>> labels)
    {
        var lines = dockerfile.ReplaceLineEndings("\n").Split('\n').ToList();
        var escape = EscapeCharacter(lines);
        var stages = StageStarts(lines, escape);
        var built = target is null ? stages.Count - 1 : stages.FindIndex(s => string.Equals(s.Name, target, StringComparison.OrdinalIgnoreCase));
        // A target that is not in the Dockerfile is the engine's to report; the labels then go to the end.
        var insertAt = built >= 0 && built + 1 < stages.Count ? stages[built + 1].Line : lines.Count;
        while (insertAt > 0 && lines[insertAt - 1].Trim().Length == 0)
            insertAt--;
        lines.Insert(insertAt, Format(labels, escape));
        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    private static string Format(IEnumerable<KeyValuePair<string, string>> labels, char escape)
    {
        var instruction = new StringBuilder("LABEL");
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            instruction.Append(' ').Append(Quote(name, escape, "name")).Append('=').Append(Quote(value, escape, $"value of {name}"));
        return instruction.ToString();
    }

    // Inside double quotes the escape character protects quotes, itself and '$' (LABEL expands variables).
    private static string Quote(string text, char escape, string what)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
            throw new ArgumentException($"The label {what} contains a line break; image labels are one line each: '{text}'.", nameof(text));
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '$' || c == escape)
                quoted.Append(escape);
            quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }

    // Parser directives come first, as '# name=value' comment lines; 'escape' may switch '\' to '`'.
    private static char EscapeCharacter(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var text = line.Trim();
            if (!text.StartsWith('#'))
                break;
            var directive = text[1..].Split('=', 2);
            if (directive.Length < 2)
                break;
            if (directive[0].Trim().Equals("escape", StringComparison.OrdinalIgnoreCase) && directive[1].Trim() is ['`'])
                return '`';
        }
        return '\\';
    }

    // The line of each FROM instruction and the stage name it gives, following continuation lines as the parser does.
    private static List<(int Line, string? Name)> StageStarts(IReadOnlyList<string> lines, char escape)
    {
        var stages = new List<(int, string?)>();
        var continued = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            if (!continued)
            {
                var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words[0].Equals("FROM", StringComparison.OrdinalIgnoreCase))
                {
                    var alias = Array.FindIndex(words, w => w.Equals("AS", StringComparison.OrdinalIgnoreCase));
                    stages.Add((i, alias > 0 && alias + 1 < words.Length ? words[alias + 1] : null));
                }
            }
            continued = text.EndsWith(escape);
        }
        return stages;
    }
}
