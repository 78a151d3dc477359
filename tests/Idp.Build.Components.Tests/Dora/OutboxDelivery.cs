using System.Net;
using System.Net.Sockets;
using Idp.Build.Components.Dora;
using Idp.Testing;

namespace Idp.Build.Components.Tests.Dora;

public sealed class OutboxDelivery : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-outbox-").FullName;
    private readonly DoraEvents _events = new("/idp-build/tests");

    [Fact]
    public async Task Events_kept_while_endpoint_is_down_are_all_delivered_once_when_it_is_up()
    {
        var port = LocalPorts.Free();
        var outbox = new DoraOutbox(_directory);
        for (var i = 0; i < 3; i++)
            outbox.Add(_events.Deployed(Sample.Deploy("outbox-svc", 12 + i, (Sample.Sha(i), 10)), firstInEnvironment: i == 0));
        using var http = new HttpClient();
        var fast = new DoraSenderOptions(MaxRetries: 1, FirstDelay: TimeSpan.FromMilliseconds(10));

        var down = await new DoraDelivery(outbox, new DoraSender(http, new Uri($"http://127.0.0.1:{port}/"), null, fast)).DeliverAsync();
        down.Delivered.ShouldBe(0);
        down.Kept.ShouldBe(3);
        down.Problem.ShouldNotBeNull().ShouldContain("could not be reached");

        await using var dora = await LocalDora.StartAsync(port);
        var up = await new DoraDelivery(outbox, new DoraSender(http, dora.Address, null, fast)).DeliverAsync();
        up.ShouldBe(new DeliveryReport(3, 0, 0, null));
        var again = await new DoraDelivery(outbox, new DoraSender(http, dora.Address, null, fast)).DeliverAsync();
        again.Delivered.ShouldBe(0);
        (await dora.DoraAsync("outbox-svc")).GetProperty("deployments").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_crash_between_write_and_send_loses_nothing()
    {
        // The "crashed" run wrote its event and a half-written temporary file, then died before sending.
        new DoraOutbox(_directory).Add(_events.Deployed(Sample.Deploy("crash-svc", 12, (Sample.Sha(7), 10)), firstInEnvironment: true));
        await File.WriteAllTextAsync(Path.Combine(_directory, ".0000-partial.json.1234.tmp"), "{\"context\":{");

        await using var dora = await LocalDora.StartAsync();
        using var http = new HttpClient();
        var report = await new DoraDelivery(new DoraOutbox(_directory), new DoraSender(http, dora.Address, null)).DeliverAsync();

        report.Delivered.ShouldBe(1);
        var metrics = await dora.DoraAsync("crash-svc");
        metrics.GetProperty("deployments").GetInt32().ShouldBe(1);
        metrics.GetProperty("leadTimeMinutes").GetDouble().ShouldBe(120);
    }

    [Fact]
    public async Task Invalid_event_is_moved_aside_and_does_not_block_valid_ones()
    {
        var outbox = new DoraOutbox(_directory);
        outbox.Add(_events.Deployed(Sample.Deploy("mixed-svc", 12), firstInEnvironment: true));
        outbox.Add(_events.Deployed(Sample.Deploy("mixed-svc", 13) with { ArtifactId = "not-a-purl" }, firstInEnvironment: false));

        await using var dora = await LocalDora.StartAsync();
        using var http = new HttpClient();
        var report = await new DoraDelivery(outbox, new DoraSender(http, dora.Address, null)).DeliverAsync();

        report.Delivered.ShouldBe(1);
        report.Rejected.ShouldBe(1);
        report.Problem.ShouldNotBeNull().ShouldContain("artifactId");
        Directory.GetFiles(outbox.RejectedDirectory, "*.json").Length.ShouldBe(1);
    }

    [Fact]
    public void Outbox_files_are_complete_events_in_recording_order()
    {
        var outbox = new DoraOutbox(_directory);
        var first = outbox.Add(_events.Deployed(Sample.Deploy("order-svc", 12), firstInEnvironment: true));
        var second = outbox.Add(_events.IncidentDetected("inc-1", "order-svc", "alpha", "production", Sample.At(13)));
        outbox.Pending().Select(p => p.Path).ShouldBe([first, second]);
        Directory.GetFiles(_directory, "*.tmp").ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

}
