using System.Diagnostics;
using System.Globalization;
using System.Text;
using Idp.Dora.Hosting;
using Idp.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Idp.Dora.Benchmarks;

/// <summary>
/// Starts the real Idp.Dora on a loopback port, ingests <c>events</c> generated events spread over 90 days in batches
/// through <c>POST /api/events</c>, then times <c>GET /api/metrics/dora</c> over the whole 90-day window. Ingest is
/// reported as the median rate of ten consecutive slices of the load, so a slice slowed by other work on the machine
/// does not decide the figure; the slices' range shows how the rate changes as the store grows.
/// </summary>
public static class DoraBenchmark
{
    private const int BatchSize = 2000;
    private static readonly DateTimeOffset End = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = End.AddDays(-90);

    public static async Task<IReadOnlyList<Figure>> RunAsync(string backend, int events)
    {
        var directory = Directory.CreateTempSubdirectory("idp-dora-bench-").FullName;
        PostgresServer? postgres = null;
        try
        {
            string[] store;
            if (backend == "postgres")
            {
                postgres = await PostgresServer.StartAsync();
                await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
                {
                    await connection.OpenAsync();
                    await new NpgsqlCommand("CREATE DATABASE dora_bench", connection).ExecuteNonQueryAsync();
                }
                store = ["--postgres", postgres.ConnectionStringFor("dora_bench")];
            }
            else
            {
                store = ["--sqlite", Path.Combine(directory, "dora.db")];
            }
            var app = DoraApp.Create(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. store]);
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };

            Console.Error.WriteLine($"{backend}: ingesting {events:N0} events in batches of {BatchSize}…");
            var generator = new EventGenerator(seed: 1, Start, End);
            var slice = Math.Max(BatchSize, events / 10 / BatchSize * BatchSize);
            var rates = new List<double>();
            var total = Stopwatch.StartNew();
            for (var start = 0; start < events; start += slice)
            {
                var count = Math.Min(slice, events - start);
                var bodies = Enumerable.Range(0, (count + BatchSize - 1) / BatchSize)
                    .Select(i => generator.Batch(Math.Min(BatchSize, count - (i * BatchSize)))).ToList();
                var clock = Stopwatch.StartNew();
                foreach (var body in bodies)
                {
                    var response = await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
                    if ((int)response.StatusCode != 202)
                        throw new InvalidOperationException($"A batch after {start} events got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                rates.Add(count / clock.Elapsed.TotalSeconds);
                Console.Error.WriteLine($"  {start + count:N0} events stored, {rates[^1]:N0} events/s (load {MachineFacts.ReadLoadAverage()})");
            }
            var ingestSeconds = total.Elapsed.TotalSeconds;

            var window = $"from={Uri.EscapeDataString(Start.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(End.ToString("O", CultureInfo.InvariantCulture))}";
            var stored = $"{events:N0} stored events over 90 days";
            var figures = new List<Figure>
            {
                Figure.AtLeast($"dora.{backend}.ingest", rates, "events/s", 5_000,
                    $"POST /api/events, batches of {BatchSize:N0} generated events, store growing from 0 to {events:N0}; median of {rates.Count} slices (the load took {ingestSeconds:0} s, load average {MachineFacts.ReadLoadAverage()} at its end)"),
                await TimeAsync(http, $"dora.{backend}.query.all-services", $"/api/metrics/dora?{window}", $"GET /api/metrics/dora, 90-day window, {stored}"),
                await TimeAsync(http, $"dora.{backend}.query.one-service", $"/api/metrics/dora?{window}&service=service-3", $"the same for one of 20 services, {stored}"),
                await TimeAsync(http, $"dora.{backend}.query.one-team-zurich-monday", $"/api/metrics/dora?{window}&team=team-1&timeZone=Europe/Zurich&weekStart=monday",
                    $"the same for one of 5 teams, days in Europe/Zurich, weeks from Monday, {stored}"),
            };
            await app.StopAsync();
            await app.DisposeAsync();
            return figures;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (postgres is not null)
                await postgres.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Figure> TimeAsync(HttpClient http, string name, string url, string note)
    {
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        var samples = new List<double>();
        for (var run = 0; run < 15; run++)
        {
            var clock = Stopwatch.StartNew();
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        var figure = Figure.AtMost(name, samples, "ms", 200, note + "; median of 15 requests after 1 warm-up");
        Console.Error.WriteLine($"  {name}: median {figure.Value:0.0} ms");
        return figure;
    }
}
