using System.Globalization;
using System.Text;

namespace Idp.Build.Components.Dora;

/// <summary>A pre-computed value pushed to the Pushgateway (a gauge: the last push wins).</summary>
public sealed record Gauge(string Name, string Help, double Value);

/// <summary>
/// Pushes gauges to a Prometheus Pushgateway with <c>PUT /metrics/job/&lt;job&gt;{/&lt;label&gt;/&lt;value&gt;}</c>
/// in the text format 0.0.4 (LF line ends, no timestamps). Only pre-computed values go there, never events: the
/// gateway is a cache that keeps the last value of each group, not an event store.
/// </summary>
public sealed class PushgatewayClient(HttpClient http, Uri gateway)
{
    /// <summary>Replaces the group (<paramref name="job"/>, <paramref name="groupingKey"/>) with <paramref name="gauges"/>.</summary>
    public async Task PushAsync(string job, IReadOnlyList<(string Label, string Value)> groupingKey, IReadOnlyList<Gauge> gauges, CancellationToken cancellationToken = default)
    {
        var path = "metrics/" + Pair("job", job) + string.Concat(groupingKey.Select(k => "/" + Pair(k.Label, k.Value)));
        var body = new StringBuilder();
        foreach (var gauge in gauges)
        {
            body.Append(CultureInfo.InvariantCulture, $"# HELP {gauge.Name} {gauge.Help}\n# TYPE {gauge.Name} gauge\n");
            body.Append(CultureInfo.InvariantCulture, $"{gauge.Name} {gauge.Value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }
        using var content = new StringContent(body.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { Parameters = { new("version", "0.0.4") } };
        using var response = await http.PutAsync(new Uri(gateway, path), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The Pushgateway at {gateway} answered {(int)response.StatusCode} to PUT /{path}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static string Pair(string label, string value) => Segment(value, out var encoded) is var text && encoded
        ? $"{label}@base64/{text}"
        : $"{label}/{text}";

    // Values with '/' or empty ones go base64url-encoded, as the Pushgateway documents.
    private static string Segment(string value, out bool encoded)
    {
        encoded = value.Length == 0 || value.Contains('/', StringComparison.Ordinal);
        return encoded
            ? (value.Length == 0 ? "=" : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_'))
            : Uri.EscapeDataString(value);
    }
}
