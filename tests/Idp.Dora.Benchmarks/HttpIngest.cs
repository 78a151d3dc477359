using System.Diagnostics;
using System.Text;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// The ingest rate through <c>POST /api/events</c>: generated events in batches of <see cref="BatchSize"/>, posted by a
/// number of senders at once (each sends its next batch when its last one was answered), timed in about ten slices so
/// that one slice slowed by other work on the machine does not decide the figure. Bodies are generated before each
/// slice's clock starts.
/// </summary>
public static class HttpIngest
{
    public const int BatchSize = 2_000;

    /// <summary>Posts about <paramref name="events"/> events (whole batches, at least one per sender) from
    /// <paramref name="senders"/> senders; returns each slice's rate in events per second, the events posted, and the CPU
    /// seconds the endpoint and its database spent while the slices ran (null off Linux).</summary>
    public static async Task<(IReadOnlyList<double> Rates, int Posted, double? CpuSeconds)> MeasureAsync(
        StoreUnderTest store, EventGenerator generator, int events, int storedBefore, int senders)
    {
        var batches = Math.Max(senders, events / BatchSize);
        var perSlice = Math.Max(senders, batches / 10 / senders * senders);
        var rates = new List<double>();
        var cpu = 0.0;
        var posted = 0;
        for (var done = 0; done < batches;)
        {
            // A short last slice joins the one before it, so every slice keeps all senders busy.
            var count = batches - done < 2 * perSlice ? batches - done : perSlice;
            var bodies = new Queue<string>(Enumerable.Range(0, count).Select(_ => generator.Batch(BatchSize)));
            var cpuBefore = store.Cpu.Seconds();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => SendAsync(store, bodies, storedBefore + posted)));
            rates.Add(count * BatchSize / clock.Elapsed.TotalSeconds);
            cpu += store.Cpu.Seconds() - cpuBefore ?? 0;
            done += count;
            posted += count * BatchSize;
            Console.Error.WriteLine($"  {store.Kind}: {storedBefore + posted:N0} events stored, {senders} sender(s), HTTP slice {rates[^1]:N0} events/s (load {MachineFacts.ReadLoadAverage()})");
        }
        return (rates, posted, store.Cpu.Seconds() is null ? null : cpu);
    }

    private static async Task SendAsync(StoreUnderTest store, Queue<string> bodies, int storedBefore)
    {
        while (true)
        {
            string body;
            lock (bodies)
            {
                if (!bodies.TryDequeue(out body!))
                    return;
            }
            using var response = await store.Http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode != 202)
                throw new InvalidOperationException($"A batch after about {storedBefore:N0} stored events got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
