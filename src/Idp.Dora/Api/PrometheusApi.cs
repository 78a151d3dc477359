using System.Globalization;
using System.Text;
using Idp.Dora.Metrics;
using Idp.Dora.Storage;

namespace Idp.Dora.Api;

/// <summary>
/// <c>GET /metrics</c>: the current four keys per service over the last 30 days, and the platform metrics, in the
/// Prometheus text exposition format 0.0.4. A key without data has no sample (absent, not 0).
/// </summary>
internal static class PrometheusApi
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static void Map(WebApplication app) => app.MapGet("/metrics", GetAsync);

    private static async Task<IResult> GetAsync(DoraStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var to = clock.GetUtcNow();
        var services = (await store.ReadCatalogAsync(cancellationToken)).Select(c => c.Service).Distinct().ToList();
        var reports = new List<(string Service, DoraReport Report)>();
        foreach (var service in services)
        {
            var filter = new DoraFilter(to - Window, to, service);
            reports.Add((service, DoraCalculator.Calculate(filter, await store.ReadDoraAsync(filter, cancellationToken), DoraCalendar.Default)));
        }
        var platform = PlatformReport.From(await store.ReadPlatformAsync(cancellationToken));

        var text = new StringBuilder();
        Gauge("dora_deployments", "Production deployments in the last 30 days.", r => r.Deployments);
        Gauge("dora_deployment_days", "Days with a production deployment in the last 30 days (UTC).", r => r.DeploymentDays);
        Gauge("dora_lead_time_minutes", "Median lead time for changes in the last 30 days (rule R3).", r => r.LeadTimeMinutes);
        Gauge("dora_change_failure_rate", "Share of the last 30 days' deployments that failed (rule R4).", r => r.ChangeFailureRate);
        Gauge("dora_time_to_restore_hours", "Median time to restore of the last 30 days' incidents (rule R5).", r => r.TimeToRestoreHours);
        Single("idp_platform_adoption_rate", "Registered teams with a production deployment, as a fraction.", platform.AdoptionRate);
        Single("idp_platform_self_service_success_rate", "Completed pipeline runs without a manual step, as a fraction.", platform.SelfServiceSuccessRate);
        Single("idp_platform_nps", "Net promoter score of the platform (-100..100).", platform.Nps);
        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");

        void Gauge(string name, string help, Func<DoraReport, double?> value)
        {
            Header(name, help);
            foreach (var (service, report) in reports)
            {
                if (value(report) is { } v)
                    text.Append(CultureInfo.InvariantCulture, $"{name}{{service=\"{Escape(service)}\"}} {Number(v)}\n");
            }
        }

        void Single(string name, string help, double? value)
        {
            Header(name, help);
            if (value is { } v)
                text.Append(CultureInfo.InvariantCulture, $"{name} {Number(v)}\n");
        }

        void Header(string name, string help) =>
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string label) =>
        label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
