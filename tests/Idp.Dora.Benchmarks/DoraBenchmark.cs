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

/// <summary>Latency of one kind of metrics query, in milliseconds.</summary>
public sealed record QueryLatency(string Query, int Runs, double P50Ms, double P95Ms, double MaxMs);

/// <summary>One backend's numbers; the goals are ≥ 5,000 events/s and ≤ 200 ms per query.</summary>
public sealed record BenchmarkResult(string Backend, int Events, int BatchSize, double IngestSeconds, double EventsPerSecond, IReadOnlyList<QueryLatency> Queries);

/// <summary>
/// Starts the real Idp.Dora on a loopback port, ingests <c>events</c> generated events spread over 90 days in batches
/// through <c>POST /api/events</c>, then times <c>GET /api/metrics/dora</c> over the whole 90-day window.
/// </summary>
public static class DoraBenchmark
{
    private const int BatchSize = 2000;
    private static readonly DateTimeOffset End = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = End.AddDays(-90);

    public static async Task<BenchmarkResult> RunAsync(string backend, int events)
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
            var clock = Stopwatch.StartNew();
            var generator = new EventGenerator(seed: 1, Start, End);
            for (var sent = 0; sent < events; sent += BatchSize)
            {
                var body = generator.Batch(Math.Min(BatchSize, events - sent));
                var response = await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
                if ((int)response.StatusCode != 202)
                    throw new InvalidOperationException($"Batch at {sent} got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            var ingest = clock.Elapsed.TotalSeconds;

            var window = $"from={Uri.EscapeDataString(Start.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(End.ToString("O", CultureInfo.InvariantCulture))}";
            var queries = new List<QueryLatency>
            {
                await TimeAsync(http, "all services, 90 days", $"/api/metrics/dora?{window}"),
                await TimeAsync(http, "one service, 90 days", $"/api/metrics/dora?{window}&service=service-3"),
                await TimeAsync(http, "one team, 90 days, Europe/Zurich, monday", $"/api/metrics/dora?{window}&team=team-1&timeZone=Europe/Zurich&weekStart=monday"),
            };
            await app.StopAsync();
            await app.DisposeAsync();
            return new BenchmarkResult(backend, events, BatchSize, Math.Round(ingest, 1), Math.Round(events / ingest), queries);
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

    private static async Task<QueryLatency> TimeAsync(HttpClient http, string name, string url)
    {
        (await http.GetAsync(url)).EnsureSuccessStatusCode();
        var samples = new List<double>();
        for (var run = 0; run < 15; run++)
        {
            var clock = Stopwatch.StartNew();
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        Console.Error.WriteLine($"  {name}: p50 {samples[samples.Count / 2]:0.0} ms");
        return new QueryLatency(name, samples.Count, Math.Round(samples[samples.Count / 2], 1), Math.Round(samples[(int)(samples.Count * 0.95)], 1), Math.Round(samples[^1], 1));
    }
}
