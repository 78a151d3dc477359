using System.Diagnostics;

namespace Idp.Dora.Benchmarks;

/// <summary>Times <c>GET /api/metrics/dora</c> requests after one warm-up request per URL.</summary>
public static class QueryLatency
{
    /// <summary>Requests each of <paramref name="urls"/> in turn, <paramref name="rounds"/> times, and returns every duration in ms.</summary>
    public static async Task<IReadOnlyList<double>> MeasureAsync(HttpClient http, IReadOnlyList<string> urls, int rounds)
    {
        foreach (var url in urls)
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
        var samples = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var url in urls)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                samples.Add(clock.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }
        }
        return samples;
    }
}
