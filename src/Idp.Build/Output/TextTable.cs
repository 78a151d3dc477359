using System.Text;

namespace Idp.Build;

/// <summary>A plain-text table with aligned columns: it survives every CI log viewer and copy-paste.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _separatorsBefore = [];

    /// <summary>Adds a row.</summary>
    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>Draws a rule before the next row.</summary>
    public TextTable Separator()
    {
        _separatorsBefore.Add(_rows.Count);
        return this;
    }

    /// <summary>The table, one line per row; <paramref name="paintRow"/> may colour a row (by index) after alignment.</summary>
    public string Render(Func<int, string, string>? paintRow = null)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => i < r.Length ? r[i].Length : 0).Append(h.Length).Max()).ToArray();
        var rule = string.Join("─┼─", widths.Select(w => new string('─', w)));
        var text = new StringBuilder();
        text.AppendLine(Line(headers).TrimEnd());
        text.AppendLine(rule);
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_separatorsBefore.Contains(i))
                text.AppendLine(rule);
            var line = Line(_rows[i]).TrimEnd();
            text.AppendLine(paintRow is null ? line : paintRow(i, line));
        }
        return text.ToString();

        string Line(string[] cells) => string.Join(" │ ", widths.Select((w, i) => (i < cells.Length ? cells[i] : "").PadRight(w)));
    }
}
