using System.Diagnostics;
using System.Text.Json;
using Idp.Dora.Events;
using Idp.Dora.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// Fills a store to the size under test by the fastest honest path: the endpoint's own <see cref="EventReader"/> and
/// <see cref="DoraStore.IngestAsync"/> in process, in large batches, without HTTP. Every event is validated and folded
/// into the derived tables exactly as through <c>POST /api/events</c>.
/// </summary>
public static class Seeding
{
    public const int BatchSize = 5_000;

    /// <summary>Stores <paramref name="events"/> generated events and returns the rate, in events per second.</summary>
    public static async Task<double> SeedAsync(StoreUnderTest store, EventGenerator generator, int events)
    {
        var reader = store.Services.GetRequiredService<EventReader>();
        var dora = store.Services.GetRequiredService<DoraStore>();
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < events;)
        {
            var count = Math.Min(BatchSize, events - done);
            using var document = JsonDocument.Parse(generator.Batch(count));
            var (batch, errors) = reader.Read(document.RootElement);
            if (errors.Count > 0)
                throw new InvalidOperationException($"The generator wrote an invalid event: {errors[0].Path} {errors[0].Message}");
            await dora.IngestAsync(batch);
            done += count;
            if (done % 100_000 < BatchSize || done == events)
                Console.Error.WriteLine($"  {store.Kind}: {done:N0} events seeded, {done / clock.Elapsed.TotalSeconds:N0} events/s (load {MachineFacts.ReadLoadAverage()})");
        }
        return events / clock.Elapsed.TotalSeconds;
    }
}
