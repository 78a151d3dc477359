namespace Idp.Build.Components.Dora;

/// <summary>
/// DORA events: the pipeline records CDEvents in a durable outbox (<see cref="RecordDora"/>), and
/// <see cref="EmitDora"/> delivers them to Idp.Dora (and optionally pushes gauges to a Pushgateway). EmitDora never
/// fails the build: what cannot be delivered stays in the outbox for the next run, with a warning.
/// </summary>
public interface IEmitDora : IBuild
{
    /// <summary>The port of the local Idp.Dora when none is given.</summary>
    const int DefaultLocalDoraPort = 5080;

    /// <summary>Idp.Dora's base address as given; null means the local instance.</summary>
    [Parameter("Idp.Dora endpoint that receives the DORA events (default: the local platform's instance, http://127.0.0.1:5080)")]
    Uri? DoraEndpoint => TryGetValue(() => DoraEndpoint);

    [Parameter("Port of the local platform's Idp.Dora on 127.0.0.1 (default: 5080)")]
    int? DoraPort => TryGetValue(() => DoraPort);

    /// <summary>Where the events go: <c>--dora-endpoint</c>, else the local platform's Idp.Dora.</summary>
    Uri DoraTarget => DoraEndpoint ?? new Uri($"http://127.0.0.1:{DoraPort ?? DefaultLocalDoraPort}/");

    /// <summary>The bearer token Idp.Dora was started with (<c>--token</c>).</summary>
    [Parameter("Bearer token for the DORA endpoint"), Secret]
    string? DoraToken => TryGetValue(() => DoraToken);

    /// <summary>A Prometheus Pushgateway for pre-computed gauges; none when unset.</summary>
    [Parameter("Prometheus Pushgateway that receives pre-computed DORA gauges (optional)")]
    Uri? PushgatewayUrl => TryGetValue(() => PushgatewayUrl);

    /// <summary>The outbox: <c>.nuke/temp/dora-outbox/</c>.</summary>
    DoraOutbox DoraOutbox => new(TemporaryDirectory / "dora-outbox");

    /// <summary>Records an event durably; <see cref="EmitDora"/> sends it.</summary>
    void RecordDora(CdEvent e) => DoraOutbox.Add(e);

    /// <summary>Delivers the outbox. Wired to run after Deploy and Rollback, also after failure.</summary>
    Target EmitDora => _ => _
        .Description("Sends the DORA events in .nuke/temp/dora-outbox to Idp.Dora (never fails the build)")
        .AssuredAfterFailure()
        .Executes(async () =>
        {
            try
            {
                await DeliverDoraAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Warning($"DORA events were not sent and stay in {DoraOutbox.Directory} for the next run: {e.Message}");
                ReportSummary("DORA events kept in the outbox");
            }
        });

    /// <summary>The body of <see cref="EmitDora"/>: deliver, push gauges, report.</summary>
    async Task DeliverDoraAsync()
    {
        var endpoint = DoraTarget;
        RegisterSecret(DoraToken);
        var pending = DoraOutbox.Pending();
        if (pending.Count == 0)
        {
            ReportSummary("no DORA events to send");
            return;
        }

        using var http = new HttpClient();
        var report = await new DoraDelivery(DoraOutbox, new DoraSender(http, endpoint, DoraToken)).DeliverAsync();
        if (report.Problem is not null)
            Log.Warning($"DORA delivery to {endpoint}: {report.Problem}\n{report.Kept} event(s) stay in {DoraOutbox.Directory} and are sent by the next run (or ./build.sh EmitDora).");
        ReportSummary($"{report.Delivered} sent, {report.Kept} kept, {report.Rejected} rejected");

        if (PushgatewayUrl is { } gateway)
        {
            var client = new PushgatewayClient(http, gateway);
            foreach (var (service, environment, gauges) in DoraGauges.From(pending.Select(p => p.Json)))
            {
                try
                {
                    await client.PushAsync("idp_dora", [("service", service), ("environment", environment)], gauges);
                }
                catch (HttpRequestException e)
                {
                    Log.Warning($"Pushing DORA gauges for {service}/{environment} to {gateway} failed: {e.Message}");
                }
            }
        }
    }
}
