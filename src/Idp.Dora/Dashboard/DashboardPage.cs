using System.Globalization;
using System.Text;
using Idp.Dora.Metrics;
using Idp.Dora.Storage;
using static Idp.Dora.Dashboard.SvgChart;

namespace Idp.Dora.Dashboard;

/// <summary>
/// <c>GET /</c>: the four keys per service and per team with their DORA tier (2023 benchmark), weekly trends as
/// inline SVG charts, and the platform metrics. Rendered on the server; the page needs no script.
/// </summary>
internal static class DashboardPage
{
    private const int Weeks = 12;
    private const int MaxRows = 50;

    public static void Map(WebApplication app) => app.MapGet("/", RenderAsync);

    private static async Task<IResult> RenderAsync(DoraStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var from = today.AddDays(-7 * Weeks);
        var catalog = await store.ReadCatalogAsync(cancellationToken);
        var services = catalog.Select(c => c.Service).Distinct().Take(MaxRows).ToList();
        var teams = catalog.Select(c => c.Team).Where(t => t.Length > 0).Distinct().Take(MaxRows).ToList();
        var platform = PlatformReport.From(await store.ReadPlatformAsync(cancellationToken));

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>DORA metrics · Idp.Build</title>");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>").Append(Style).Append("</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>DORA metrics</h1><p>Last {Weeks} weeks, {from:yyyy-MM-dd} to {today.AddDays(-1):yyyy-MM-dd} (UTC) · store: {store.Kind} · tiers: DORA 2023</p></header>");

        html.Append("<section class=\"cards\">");
        Card("Adoption", platform.AdoptionRate is { } a ? $"{a * 100:0.#} %" : "no data", $"{platform.OnboardedTeams} of {platform.RegisteredTeams} teams deploy to production");
        Card("Self-service success", platform.SelfServiceSuccessRate is { } s ? $"{s * 100:0.#} %" : "no data", $"{platform.CompletedRuns} completed runs");
        Card("Developer NPS", platform.Nps is { } n ? Format(n) : "no data", $"{platform.NpsResponses} answers");
        html.Append("</section>");

        var weekly = new List<(string Label, DoraReport Report)>();
        for (var week = 0; week < Weeks; week++)
        {
            var filter = new DoraFilter(from.AddDays(7 * week), from.AddDays(7 * (week + 1)));
            weekly.Add((filter.From.ToString("MM-dd", CultureInfo.InvariantCulture), DoraCalculator.Calculate(filter, await store.ReadDoraAsync(filter, cancellationToken), DoraCalendar.Default)));
        }
        html.Append("<section class=\"trends\"><h2>Trends (all services, per week)</h2><div class=\"charts\">");
        html.Append(Bars("Deployments", weekly.Select(w => (w.Label, (double?)w.Report.Deployments)).ToList(), "#3b82f6"));
        html.Append(Line("Lead time (median, hours)", weekly.Select(w => (w.Label, w.Report.LeadTimeMinutes / 60)).ToList(), "#10b981"));
        html.Append(Line("Change failure rate (%)", weekly.Select(w => (w.Label, w.Report.ChangeFailureRate * 100)).ToList(), "#ef4444"));
        html.Append(Line("Time to restore (median, hours)", weekly.Select(w => (w.Label, w.Report.TimeToRestoreHours)).ToList(), "#f59e0b"));
        html.Append("</div></section>");

        await TableAsync("By service", services, s => new DoraFilter(from, today, Service: s));
        await TableAsync("By team", teams, t => new DoraFilter(from, today, Team: t));
        html.Append("<footer>Definitions: dora-semantics.md §6 (R1–R6). JSON: <code>/api/metrics/dora</code>, <code>/api/metrics/platform</code>; Prometheus: <code>/metrics</code>.</footer>");
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");

        void Card(string title, string value, string note) =>
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><h3>{Html(title)}</h3><div class=\"value\">{Html(value)}</div><p>{Html(note)}</p></div>");

        async Task TableAsync(string title, IReadOnlyList<string> names, Func<string, DoraFilter> filterFor)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section><h2>{Html(title)}</h2>");
            if (names.Count == 0)
            {
                html.Append("<p class=\"empty\">No production deployments yet.</p></section>");
                return;
            }
            html.Append("<table><thead><tr><th></th><th>Deployments</th><th>Frequency</th><th>Lead time</th><th>Change failure rate</th><th>Time to restore</th><th>Tier</th></tr></thead><tbody>");
            foreach (var name in names)
            {
                var filter = filterFor(name);
                var r = DoraCalculator.Calculate(filter, await store.ReadDoraAsync(filter, cancellationToken), DoraCalendar.Default);
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>{Html(name)}</th><td>{r.Deployments} on {r.DeploymentDays} days</td>");
                html.Append(Cell(r.DeploymentFrequency ?? "–", DoraTier.DeploymentFrequency(r.DeploymentFrequency)));
                html.Append(Cell(r.LeadTimeMinutes is { } lt ? Duration(lt) : "–", DoraTier.LeadTime(r.LeadTimeMinutes)));
                html.Append(Cell(r.ChangeFailureRate is { } cfr ? $"{cfr * 100:0.#} %" : "–", DoraTier.ChangeFailureRate(r.ChangeFailureRate)));
                html.Append(Cell(r.TimeToRestoreHours is { } ttr ? Duration(ttr * 60) : "–", DoraTier.TimeToRestore(r.TimeToRestoreHours)));
                var overall = DoraTier.Overall(r);
                html.Append(CultureInfo.InvariantCulture, $"<td><span class=\"tier {overall?.ToLowerInvariant() ?? "none"}\">{overall ?? "–"}</span></td></tr>");
            }
            html.Append("</tbody></table></section>");
        }
    }

    private static string Cell(string text, string? tier) =>
        $"<td>{Html(text)}{(tier is null ? "" : $" <span class=\"tier {tier.ToLowerInvariant()}\">{tier}</span>")}</td>";

    private static string Duration(double minutes) => minutes switch
    {
        < 1 => $"{Format(minutes * 60)} s",
        < 120 => $"{Format(minutes)} min",
        < 48 * 60 => $"{Format(minutes / 60)} h",
        _ => $"{Format(minutes / 1440)} d",
    };

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:24px 32px;background:#f6f7f9;color:#1f2937}
        header h1{margin:0 0 4px;font-size:26px}header p{margin:0 0 20px;color:#5b6472}
        h2{font-size:18px;margin:24px 0 10px}
        .cards{display:flex;gap:16px;flex-wrap:wrap}
        .card{background:#fff;border:1px solid #e3e6ea;border-radius:8px;padding:14px 18px;min-width:200px}
        .card h3{margin:0;font-size:13px;text-transform:uppercase;color:#5b6472;letter-spacing:.04em}
        .card .value{font-size:30px;font-weight:600;margin:6px 0}.card p{margin:0;color:#5b6472;font-size:13px}
        .charts{display:flex;flex-wrap:wrap;gap:16px}
        .chart{background:#fff;border:1px solid #e3e6ea;border-radius:8px}
        .chart-title{font-size:13px;font-weight:600;fill:#1f2937}.axis{font-size:10px;fill:#5b6472}
        table{border-collapse:collapse;background:#fff;border:1px solid #e3e6ea;min-width:900px}
        th,td{padding:8px 12px;border-bottom:1px solid #eef0f3;text-align:left;font-size:14px}
        thead th{background:#f0f2f5;font-size:12px;text-transform:uppercase;color:#5b6472}
        .tier{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
        .tier.elite{background:#ede9fe;color:#5b21b6}.tier.high{background:#dcfce7;color:#166534}
        .tier.medium{background:#fef3c7;color:#92400e}.tier.low{background:#fee2e2;color:#991b1b}
        .empty{color:#5b6472}footer{margin-top:28px;color:#5b6472;font-size:12px}
        """;
}
