using Idp.Build.Components.Dora;
using Idp.Testing.Pushgateway;

namespace Idp.Build.Components.Tests.Dora;

public sealed class PushgatewayPush
{
    [Fact]
    public async Task Gauges_of_the_last_deployment_reach_a_real_pushgateway()
    {
        await using var gateway = await PushgatewayServer.StartAsync();
        var events = new DoraEvents("/idp-build/push");
        string[] run =
        [
            events.Deployed(Sample.Deploy("push-svc", 11, (Sample.Sha(1), 10)), firstInEnvironment: true).ToJson(),
            events.Deployed(Sample.Deploy("push-svc", 12, (Sample.Sha(2), 10), (Sample.Sha(3), 11)), firstInEnvironment: false).ToJson(),
        ];
        using var http = new HttpClient();
        var client = new PushgatewayClient(http, gateway.Address);

        foreach (var (service, environment, gauges) in DoraGauges.From(run))
            await client.PushAsync("idp_dora", [("service", service), ("environment", environment), ("pipeline", "a/b")], gauges);

        var scraped = await http.GetStringAsync(new Uri(gateway.Address, "metrics"));
        var labels = "environment=\"production\",instance=\"\",job=\"idp_dora\",pipeline=\"a/b\",service=\"push-svc\"";
        ValueOf(scraped, $"dora_last_deployment_timestamp_seconds{{{labels}}}").ShouldBe(Sample.At(12).ToUnixTimeSeconds());
        ValueOf(scraped, $"dora_last_deployment_lead_time_seconds{{{labels}}}").ShouldBe(5400);
        ValueOf(scraped, $"dora_last_deployment_failed{{{labels}}}").ShouldBe(0);
    }

    private static double ValueOf(string exposition, string series)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        line.ShouldNotBeNull($"{series} is not in the gateway's /metrics:\n{exposition}");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
