using System.Globalization;
using System.Text;
using System.Text.Json;
using Idp.Build.Processes;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Demo;

/// <summary>
/// The demo's steps, each a real command: pack the SDK and the template under a fresh version (so no cached package
/// stands in for this checkout), scaffold a service with <c>dotnet new idp-service</c> into a private template hive,
/// run its golden path with its own <c>./build.sh</c>, call it, and ask the local Idp.Dora for its lead time.
/// </summary>
sealed class DemoRun(AbsolutePath root, AbsolutePath packages, AbsolutePath work, string configuration, string version, int port, BuildLog log)
{
    public Uri ServiceUrl => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    AbsolutePath DoraServer => root / "src" / "Idp.Dora" / "bin" / configuration / "net10.0" / "Idp.Dora.dll";

    public string DoraArguments => $"--dora-server {DoraServer}";

    public void Pack()
    {
        log.Information($"1/5 Packing the SDK and the template as {version} into {packages}");
        foreach (var project in new[] { "Idp.Build", "Idp.Build.Components", "Idp.Templates" })
        {
            Run(root, DotNetTasks.DotNetPath, "pack", root / "src" / project, "--configuration", configuration, "--no-build", "--output", packages,
                $"-p:Version={version}", "-nologo");
        }
    }

    public AbsolutePath Scaffold(string name, string team)
    {
        log.Information($"2/5 Scaffolding {name} (team {team}) with dotnet new idp-service in {work}");
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        var hive = work / "template-hive";
        Run(root, DotNetTasks.DotNetPath, "new", "install", packages / $"Idp.Templates.{version}.nupkg", "--debug:custom-hive", hive);
        Run(work, DotNetTasks.DotNetPath, "new", "idp-service", "-n", name, "--team", team, "--sdkVersion", version, "--feed", packages,
            "--debug:custom-hive", hive);
        var service = work / name;
        Run(service, "git", "init", "-q");
        Run(service, "git", "add", "-A");
        Run(service, "git", "-c", "user.name=Idp Demo", "-c", "user.email=demo@example.invalid", "commit", "-q", "-m", $"{name}, scaffolded by dotnet new idp-service");
        return service;
    }

    public string RunGoldenPath(AbsolutePath service)
    {
        log.Information("3/5 Running its golden path: ./build.sh Compile Test SonarGate DockerBuild Push Deploy --environment local");
        var result = Run(service, service / "build.sh", "Compile", "Test", "SonarGate", "DockerBuild", "Push", "Deploy", "--environment", "local",
            "--local-port", port.ToString(CultureInfo.InvariantCulture), "--dora-server", DoraServer);
        var lines = result.StandardOutput.Split('\n');
        var table = lines.SkipWhile(l => !l.StartsWith("Target ", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0);
        return string.Join('\n', table);
    }

    public async Task<string> CallAsync()
    {
        log.Information($"4/5 Calling {ServiceUrl}health");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetStringAsync(new Uri(ServiceUrl, "health"));
    }

    public async Task<string> LeadTimeAsync()
    {
        log.Information("5/5 Asking the local Idp.Dora for the lead time");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture));
        var json = await http.GetStringAsync(new Uri($"http://127.0.0.1:5080/api/metrics/dora?from={from}&to={to}&service=demo-payments"));
        var metrics = JsonDocument.Parse(json).RootElement;
        var lead = metrics.GetProperty("leadTimeMinutes");
        return lead.ValueKind == JsonValueKind.Number
            ? $"{lead.GetDouble():0.0} min over {metrics.GetProperty("deployments").GetInt32()} deployment(s) (GET /api/metrics/dora)"
            : "none yet (no deployment with commits in the window)";
    }

    public string Report(string steps, string health, string leadTime, TimeSpan elapsed)
    {
        var image = JsonDocument.Parse(File.ReadAllText(work / "Demo.Payments" / "artifacts" / "image.json")).RootElement;
        return new StringBuilder()
            .AppendLine("The golden path of the scaffolded service:")
            .AppendLine(steps)
            .AppendLine(CultureInfo.InvariantCulture, $"Image:        {image.GetProperty("repository").GetString()}@{image.GetProperty("digest").GetString()}")
            .AppendLine(CultureInfo.InvariantCulture, $"Service:      {ServiceUrl} (GET /health → {health.Trim()})")
            .AppendLine(CultureInfo.InvariantCulture, $"DORA:         lead time {leadTime}; dashboard http://127.0.0.1:5080/")
            .AppendLine(CultureInfo.InvariantCulture, $"Command to deployed service: {elapsed.TotalSeconds:0} s (goal: under 180 s cold, under 60 s warm)")
            .ToString();
    }

    public void StopPlatform(AbsolutePath service) => Run(service, service / "build.sh", "LocalPlatformStop", "--dora-server", DoraServer);

    ProcessResult Run(AbsolutePath directory, string program, params string[] arguments)
    {
        Directory.CreateDirectory(directory);
        return ProcessRunner.Run(program, arguments, new ProcessOptions { WorkingDirectory = directory });
    }
}
