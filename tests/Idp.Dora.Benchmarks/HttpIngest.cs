using System.Diagnostics;
using System.Text;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// The ingest rate through <c>POST /api/events</c>: generated events in batches of <see cref="BatchSize"/>, one request
/// after the other, timed in ten slices so that one slice slowed by other work on the machine does not decide the
/// figure. Bodies are generated before each slice's clock starts.
/// </summary>
public static class HttpIngest
{
    public const int BatchSize = 2_000;

    /// <summary>Posts <paramref name="events"/> events; returns each slice's rate in events per second, and the CPU
    /// seconds the endpoint and its database spent while the slices ran (null off Linux).</summary>
    public static async Task<(IReadOnlyList<double> Rates, double? CpuSeconds)> MeasureAsync(StoreUnderTest store, EventGenerator generator, int events, int storedBefore)
    {
        var slice = Math.Max(BatchSize, events / 10 / BatchSize * BatchSize);
        var rates = new List<double>();
        var cpu = 0.0;
        for (var start = 0; start < events; start += slice)
        {
            var count = Math.Min(slice, events - start);
            var bodies = Enumerable.Range(0, (count + BatchSize - 1) / BatchSize)
                .Select(i => generator.Batch(Math.Min(BatchSize, count - (i * BatchSize)))).ToList();
            var cpuBefore = store.Cpu.Seconds();
            var clock = Stopwatch.StartNew();
            foreach (var body in bodies)
            {
                using var response = await store.Http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
                if ((int)response.StatusCode != 202)
                    throw new InvalidOperationException($"A batch after {storedBefore + start:N0} stored events got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            rates.Add(count / clock.Elapsed.TotalSeconds);
            cpu += store.Cpu.Seconds() - cpuBefore ?? 0;
            Console.Error.WriteLine($"  {store.Kind}: {storedBefore + start + count:N0} events stored, HTTP slice {rates[^1]:N0} events/s (load {MachineFacts.ReadLoadAverage()})");
        }
        return (rates, store.Cpu.Seconds() is null ? null : cpu);
    }
}
