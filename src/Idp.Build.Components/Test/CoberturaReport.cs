using System.Globalization;
using System.Xml.Linq;

namespace Idp.Build.Components.Test;

/// <summary>
/// Line coverage merged from Cobertura files: a line counts once however many test projects cover it, and is
/// covered when any of them hits it.
/// </summary>
public sealed class CoberturaReport
{
    private readonly Dictionary<(string File, int Line), bool> _lines = [];

    public int LinesValid => _lines.Count;
    public int LinesCovered => _lines.Values.Count(covered => covered);

    /// <summary>Line coverage in percent, or null when no line was measured.</summary>
    public double? LineCoverage => LinesValid == 0 ? null : Math.Round(100.0 * LinesCovered / LinesValid, 2);

    public static CoberturaReport Read(IEnumerable<string> files)
    {
        var report = new CoberturaReport();
        foreach (var file in files)
            report.Add(XDocument.Load(file));
        return report;
    }

    private void Add(XDocument document)
    {
        var sources = document.Descendants("source").Select(s => s.Value).ToArray();
        foreach (var @class in document.Descendants("class"))
        {
            var fileName = (string?)@class.Attribute("filename") ?? "";
            var path = sources.Length > 0 && !Path.IsPathRooted(fileName) ? Path.Combine(sources[0], fileName) : fileName;
            foreach (var line in @class.Elements("lines").Elements("line"))
            {
                var number = int.Parse((string)line.Attribute("number")!, CultureInfo.InvariantCulture);
                var hit = long.Parse((string?)line.Attribute("hits") ?? "0", CultureInfo.InvariantCulture) > 0;
                var key = (path, number);
                _lines[key] = _lines.GetValueOrDefault(key) || hit;
            }
        }
    }
}
