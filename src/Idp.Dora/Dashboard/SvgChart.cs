using System.Globalization;
using System.Net;
using System.Text;

namespace Idp.Dora.Dashboard;

/// <summary>Small inline SVG charts: the dashboard loads nothing from elsewhere (no CDN, no script library).</summary>
internal static class SvgChart
{
    /// <summary>A bar chart with a label under each bar and the value above it.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double? Value)> points, string color, int width = 520, int height = 180) =>
        Chart(title, points, width, height, (svg, x, y, barWidth, baseline, value) =>
            svg.Append(Invariant($"<rect x=\"{x - barWidth / 2:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{baseline - y:0.#}\" fill=\"{color}\"><title>{value}</title></rect>")),
            connect: null);

    /// <summary>A line chart; points without a value leave a gap.</summary>
    public static string Line(string title, IReadOnlyList<(string Label, double? Value)> points, string color, int width = 520, int height = 180) =>
        Chart(title, points, width, height, (svg, x, y, _, _, value) =>
            svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"{color}\"><title>{value}</title></circle>")),
            connect: color);

    private delegate void Mark(StringBuilder svg, double x, double y, double barWidth, double baseline, string value);

    private static string Chart(string title, IReadOnlyList<(string Label, double? Value)> points, int width, int height, Mark mark, string? connect)
    {
        const double left = 36, right = 10, top = 26, bottom = 24;
        var max = Math.Max(points.Max(p => p.Value ?? 0), 1e-9);
        var step = (width - left - right) / Math.Max(points.Count, 1);
        var baseline = height - bottom;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" role=\"img\" aria-label=\"{Html(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">"));
        svg.Append(Invariant($"<text x=\"{left}\" y=\"16\" class=\"chart-title\">{Html(title)}</text>"));
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{baseline}\" x2=\"{width - right}\" y2=\"{baseline}\" stroke=\"#9aa4b2\"/>"));
        svg.Append(Invariant($"<text x=\"{left - 4}\" y=\"{top + 4}\" text-anchor=\"end\" class=\"axis\">{Format(max)}</text>"));
        svg.Append(Invariant($"<text x=\"{left - 4}\" y=\"{baseline}\" text-anchor=\"end\" class=\"axis\">0</text>"));
        var path = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var x = left + step * (i + 0.5);
            if (i % Math.Max(1, points.Count / 6) == 0)
                svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" class=\"axis\">{Html(points[i].Label)}</text>"));
            if (points[i].Value is not { } value)
            {
                if (path.Count > 0)
                    Flush();
                continue;
            }
            var y = baseline - (baseline - top) * value / max;
            path.Add(Invariant($"{x:0.#},{y:0.#}"));
            mark(svg, x, y, step * 0.6, baseline, $"{points[i].Label}: {Format(value)}");
        }
        Flush();
        svg.Append("</svg>");
        return svg.ToString();

        void Flush()
        {
            if (connect is not null && path.Count > 1)
                svg.Append(Invariant($"<polyline points=\"{string.Join(' ', path)}\" fill=\"none\" stroke=\"{connect}\" stroke-width=\"2\"/>"));
            path.Clear();
        }
    }

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    public static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
