using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Idp.Build.Processes;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Demo;

/// <summary>
/// The demo's steps, each a real command: pack the SDK and the template under the version of this checkout's bytes
/// (see <see cref="DemoVersion"/>), scaffold a service with <c>dotnet new idp-service</c> into a private template hive,
/// run its golden path with its own <c>./build.sh</c>, call it, and ask the local Idp.Dora for its lead time.
/// </summary>
sealed partial class DemoRun(AbsolutePath root, DemoOptions options, string configuration, string version, BuildLog log)
{
    public static readonly string[] PackedProjects = ["Idp.Build", "Idp.Build.Components", "Idp.Templates"];

    public Uri ServiceUrl => new($"http://127.0.0.1:{options.ServicePort.ToString(CultureInfo.InvariantCulture)}/");

    Uri DoraUrl => new($"http://127.0.0.1:{options.DoraPort.ToString(CultureInfo.InvariantCulture)}/");

    AbsolutePath DoraServer => root / "src" / "Idp.Dora" / "bin" / configuration / "net10.0" / "Idp.Dora.dll";

    public string PlatformArguments => string.Join(' ', options.PlatformArguments(DoraServer));

    public void Pack()
    {
        var packages = PackedProjects.Select(p => options.Feed / $"{p}.{version}.nupkg").ToArray();
        // Earlier demos' packages are never used again: each checkout packs under a version of its own.
        foreach (var earlier in options.Feed.CreateDirectory().GlobFiles("*.0.1.0-demo.*.nupkg").Except(packages))
            File.Delete(earlier);
        if (packages.All(p => p.FileExists()))
        {
            log.Information($"1/5 The SDK and the template of this checkout are packed already as {version} in {options.Feed}");
            return;
        }
        log.Information($"1/5 Packing the SDK and the template as {version} into {options.Feed}");
        foreach (var project in PackedProjects)
        {
            DotNetTasks.DotNetPack(s => s.SetProjectFile(root / "src" / project).SetConfiguration(configuration).EnableNoBuild()
                .SetOutputDirectory(options.Feed).SetVersion(version));
        }
    }

    public AbsolutePath Scaffold(string name, string team)
    {
        log.Information($"2/5 Scaffolding {name} (team {team}) with dotnet new idp-service in {options.Directory}");
        if (Directory.Exists(options.Directory))
            Directory.Delete(options.Directory, recursive: true);
        var hive = options.Directory / "template-hive";
        Run(root, DotNetTasks.DotNetPath, "new", "install", options.Feed / $"Idp.Templates.{version}.nupkg", "--debug:custom-hive", hive);
        Run(options.Directory, DotNetTasks.DotNetPath, "new", "idp-service", "-n", name, "--team", team, "--sdkVersion", version, "--feed", options.Feed,
            "--debug:custom-hive", hive);
        var service = options.Directory / name;
        Run(service, "git", "init", "-q");
        Run(service, "git", "add", "-A");
        Run(service, "git", "-c", "user.name=Idp Demo", "-c", "user.email=demo@example.invalid", "commit", "-q", "-m", $"{name}, scaffolded by dotnet new idp-service");
        return service;
    }

    public string RunGoldenPath(AbsolutePath service)
    {
        log.Information("3/5 Running its golden path: ./build.sh Compile Test SonarGate DockerBuild Push Deploy --environment local");
        var result = Run(service, service / "build.sh", ["Compile", "Test", "SonarGate", "DockerBuild", "Push", "Deploy", "--environment", "local",
            "--local-port", options.ServicePort.ToString(CultureInfo.InvariantCulture), .. options.PlatformArguments(DoraServer)]);
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

    public async Task<string> LeadTimeAsync(AbsolutePath service)
    {
        log.Information("5/5 Asking the local Idp.Dora for the lead time");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture));
        var json = await http.GetStringAsync(new Uri(DoraUrl, $"api/metrics/dora?from={from}&to={to}&service={ServiceName(service)}"));
        var metrics = JsonDocument.Parse(json).RootElement;
        var lead = metrics.GetProperty("leadTimeMinutes");
        return lead.ValueKind == JsonValueKind.Number
            ? $"{lead.GetDouble():0.0} min over {metrics.GetProperty("deployments").GetInt32()} deployment(s) (GET /api/metrics/dora)"
            : "none yet (no deployment with commits in the window)";
    }

    public string Report(AbsolutePath service, string steps, string health, string leadTime, TimeSpan elapsed)
    {
        var image = JsonDocument.Parse(File.ReadAllText(service / "artifacts" / "image.json")).RootElement;
        return new StringBuilder()
            .AppendLine("The golden path of the scaffolded service:")
            .AppendLine(steps)
            .AppendLine(CultureInfo.InvariantCulture, $"Image:        {image.GetProperty("repository").GetString()}@{image.GetProperty("digest").GetString()}")
            .AppendLine(CultureInfo.InvariantCulture, $"Service:      {ServiceUrl} (GET /health → {health.Trim()})")
            .AppendLine(CultureInfo.InvariantCulture, $"DORA:         lead time {leadTime}; dashboard {DoraUrl}")
            .AppendLine(CultureInfo.InvariantCulture, $"Command to deployed service: {elapsed.TotalSeconds:0} s (goal: under 180 s cold, under 60 s warm)")
            .ToString();
    }

    public void StopPlatform(AbsolutePath service) => Run(service, service / "build.sh", ["LocalPlatformStop", .. options.PlatformArguments(DoraServer)]);

    // The name the template derived for the service (e.g. demo-payments for Demo.Payments), as idp.yaml states it.
    static string ServiceName(AbsolutePath service) =>
        ServiceNameLine().Match(File.ReadAllText(service / "idp.yaml")).Groups["name"].Value;

    [GeneratedRegex(@"^service:\s*\n\s+name:\s*(?<name>[a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex ServiceNameLine();

    ProcessResult Run(AbsolutePath directory, string program, params string[] arguments)
    {
        Directory.CreateDirectory(directory);
        return ProcessRunner.Run(program, arguments, new ProcessOptions { WorkingDirectory = directory });
    }
}
