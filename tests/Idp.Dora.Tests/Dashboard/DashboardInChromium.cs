using System.Diagnostics;
using System.Text.Json.Nodes;
using Idp.Dora.Tests.Support;
using static Idp.Dora.Tests.Support.Cd;

namespace Idp.Dora.Tests.Dashboard;

/// <summary>The dashboard as a person sees it: rendered by headless Chromium (Debian's chromium) and checked as a picture.</summary>
public sealed class DashboardInChromium(SqliteBackend backend) : IClassFixture<SqliteBackend>, IDisposable
{
    private const int Width = 1400, Height = 1500;
    private readonly string _directory = Directory.CreateTempSubdirectory("idp-dora-chromium-").FullName;

    [Fact]
    public async Task Dashboard_shows_keys_per_service_and_team_with_charts()
    {
        await using var server = await DoraServer.StartAsync(backend);
        await server.SendAsync([.. RecentHistory()]);
        (await server.Http.PutAsync("/api/teams/payments", null)).EnsureSuccessStatusCode();
        (await server.Http.PutAsync("/api/teams/identity", null)).EnsureSuccessStatusCode();

        var html = await server.Http.GetStringAsync("/");
        html.ShouldContain("checkout");
        html.ShouldContain("payments");
        html.ShouldContain("<svg");
        html.ShouldNotContain("<script src");

        var screenshot = Path.Combine(_directory, "dashboard.png");
        await ScreenshotAsync(new Uri(server.Address, "/"), screenshot);
        var png = Png.Read(screenshot);
        (png.Width, png.Height).ShouldBe((Width, Height));
        png.NonBackgroundShare().ShouldBeGreaterThan(0.05, "the page looks blank");
        png.DistinctColours().ShouldBeGreaterThan(50);
        var keep = Environment.GetEnvironmentVariable("IDP_DORA_SCREENSHOT");
        if (!string.IsNullOrEmpty(keep))
            File.Copy(screenshot, keep, overwrite: true);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IEnumerable<JsonObject> RecentHistory()
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        string[] services = ["checkout", "ledger", "login"];
        for (var day = 80; day >= 0; day -= 1)
        {
            for (var s = 0; s < services.Length; s++)
            {
                if (random.Next(3) == 0)
                    continue;
                var at = now.AddDays(-day).AddHours(-random.Next(1, 6));
                var commit = new JsonObject { ["sha"] = Sha($"{services[s]}-{day}"), ["timestamp"] = at.AddMinutes(-random.Next(30, 3000)).ToString("O") };
                var id = $"{services[s]}-{day}";
                yield return Deployment("service.upgraded", id, at.ToString("O"), [commit], service: services[s], team: s == 2 ? "identity" : "payments");
                if (random.Next(8) == 0)
                {
                    yield return Incident("incident.detected", $"inc-{id}", at.AddHours(1).ToString("O"), services[s], deploymentId: id);
                    yield return Incident("incident.resolved", $"inc-{id}", at.AddHours(1 + random.Next(1, 30)).ToString("O"), services[s]);
                }
            }
        }
    }

    private async Task ScreenshotAsync(Uri page, string file)
    {
        var start = new ProcessStartInfo("/usr/bin/chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={Path.Combine(_directory, "profile")}",
            $"--screenshot={file}", $"--window-size={Width},{Height}", page.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }
        File.Exists(start.FileName).ShouldBeTrue("Debian's chromium is not installed (apt-get install chromium)");
        using var chromium = Process.Start(start)!;
        var output = chromium.StandardError.ReadToEndAsync();
        _ = chromium.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await chromium.WaitForExitAsync(timeout.Token);
        File.Exists(file).ShouldBeTrue($"chromium wrote no screenshot (exit {chromium.ExitCode}): {await output}");
    }
}
