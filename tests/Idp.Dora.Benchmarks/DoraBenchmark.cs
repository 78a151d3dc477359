using System.Globalization;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// One store's figures. The store is filled in process to <c>events − measured</c> events (see <see cref="Seeding"/>),
/// then the last <c>measured</c> events go through <c>POST /api/events</c> (see <see cref="HttpIngest"/>), so the ingest
/// rate is that of a store holding nearly all the events. They come in four parts, each from one sender and then from
/// four at once: a backfill, at random instants of the whole 90 days like the stored ones, and live traffic, at
/// instants of the last 6 hours, as pipelines send events while they run. With all <c>events</c> stored, the 90-day
/// <c>GET /api/metrics/dora</c> is timed for all services, for each of the 20 services, and for a team in another time zone.
/// </summary>
public static class DoraBenchmark
{
    private const int QueryRounds = 20;
    private const int Senders = 4;
    private static readonly DateTimeOffset End = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = End.AddDays(-90);

    /// <summary>The events that go through HTTP: a fifth of the total, at least 40,000 (or all of a smaller total), so
    /// each of the four parts fills several slices of four batches.</summary>
    public static int MeasuredThroughHttp(int events) => Math.Min(events, Math.Max(40_000, events / 5));

    public static async Task<IReadOnlyList<Figure>> RunAsync(string kind, int events)
    {
        await using var store = await StoreUnderTest.StartAsync(kind);
        var generator = new EventGenerator(seed: 1, Start, End);
        var measured = MeasuredThroughHttp(events);
        var seeded = events - measured;
        var figures = new List<Figure>();

        if (seeded > 0)
        {
            Console.Error.WriteLine($"{kind}: seeding {seeded:N0} events in process, in batches of {Seeding.BatchSize:N0}…");
            var rate = await Seeding.SeedAsync(store, generator, seeded);
            figures.Add(Figure.Context($"dora.{kind}.seed", [rate], "events/s",
                $"EventReader + DoraStore.IngestAsync in process (no HTTP), batches of {Seeding.BatchSize:N0}, store growing from 0 to {seeded:N0}; {store.Settings}"));
        }

        // Each kind of traffic from one sender, then from several at once, as pipelines post to a shared endpoint.
        var live = new EventGenerator(seed: 2, End.AddHours(-6), End, firstNumber: events);
        var posted = seeded;
        posted += await PostAsync(figures, store, generator, "", measured / 4, posted, senders: 1);
        posted += await PostAsync(figures, store, generator, "", measured / 4, posted, Senders);
        posted += await PostAsync(figures, store, live, ".live", measured / 4, posted, senders: 1);
        await PostAsync(figures, store, live, ".live", events - posted, posted, Senders);

        Console.Error.WriteLine($"{kind}: VACUUM ANALYZE (PostgreSQL only), then timing the 90-day queries…");
        await store.SettleAsync();
        var window = $"from={Uri.EscapeDataString(Start.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(End.ToString("O", CultureInfo.InvariantCulture))}";
        var stored = $"{events:N0} stored events over 90 days" + (kind == "postgres" ? ", after VACUUM ANALYZE" : "");
        await AddQueryAsync(figures, store, "all-services", [$"/api/metrics/dora?{window}"],
            $"GET /api/metrics/dora, 90-day window, {stored}");
        await AddQueryAsync(figures, store, "per-service", [.. Enumerable.Range(0, 20).Select(s => $"/api/metrics/dora?{window}&service=service-{s}")],
            $"the same for each of the 20 services in turn, {stored}");
        await AddQueryAsync(figures, store, "one-team-zurich-monday", [$"/api/metrics/dora?{window}&team=team-1&timeZone=Europe/Zurich&weekStart=monday"],
            $"the same for one of 5 teams, days in Europe/Zurich, weeks from Monday, {stored}");
        return figures;
    }

    /// <summary>Posts <paramref name="events"/> events, records figures named <c>dora.{store}.ingest{traffic}</c> (with
    /// <c>.one-sender</c> for one), returns the events posted.</summary>
    private static async Task<int> PostAsync(List<Figure> figures, StoreUnderTest store, EventGenerator generator, string traffic, int events, int storedBefore, int senders)
    {
        var kind = store.Kind;
        var name = $"dora.{kind}.ingest{traffic}" + (senders == 1 ? ".one-sender" : "");
        var instants = traffic == ".live" ? "instants of the last 6 hours of the 90 days (live traffic)" : "random instants of the 90 days (a backfill)";
        Console.Error.WriteLine($"{kind}: posting {events:N0} events at {instants} in batches of {HttpIngest.BatchSize:N0} from {senders} sender(s)…");
        var (rates, posted, cpuSeconds) = await HttpIngest.MeasureAsync(store, generator, events, storedBefore, senders);
        figures.Add(Figure.AtLeast(name, rates, "events/s", 5_000,
            $"POST /api/events, {(senders == 1 ? "one request at a time" : $"{senders} senders at once, each posting its next batch when answered")}, " +
            $"batches of {HttpIngest.BatchSize:N0} generated events at {instants} (validated, deduplicated by (source, id), folded into the rollups), " +
            $"store growing from {storedBefore:N0} to {storedBefore + posted:N0}; median of {rates.Count} slices; {store.Settings}; load average {MachineFacts.ReadLoadAverage()} at the end"));
        if (cpuSeconds is { } cpu)
        {
            figures.Add(Figure.Context($"{name}.per-cpu-second", [posted / cpu], "events/s",
                $"the same events per second of CPU time used by the endpoint{(kind == "postgres" ? " and the PostgreSQL server" : "")} ({cpu:0.0} s for {posted:N0} events): " +
                "the rate one otherwise idle core would reach, apart from the share of the machine the run was given"));
        }
        return posted;
    }

    private static async Task AddQueryAsync(List<Figure> figures, StoreUnderTest store, string name, IReadOnlyList<string> urls, string note)
    {
        var samples = await QueryLatency.MeasureAsync(store.Http, urls, urls.Count == 1 ? QueryRounds : 2);
        var runs = $"{samples.Count} requests after 1 warm-up per URL";
        var median = Figure.AtMost($"dora.{store.Kind}.query.{name}", samples, "ms", 200, $"{note}; median of {runs}");
        var p95 = Figure.P95AtMost($"dora.{store.Kind}.query.{name}.p95", samples, "ms", 200, $"{note}; 95th percentile of {runs}");
        Console.Error.WriteLine($"  {store.Kind} {name}: median {median.Value:0.0} ms, p95 {p95.Value:0.0} ms");
        figures.Add(median);
        figures.Add(p95);
    }
}
