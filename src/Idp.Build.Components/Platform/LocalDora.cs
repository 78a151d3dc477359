using System.Globalization;
using Idp.Build.Tools;

namespace Idp.Build.Components.Platform;

/// <summary>
/// The local platform's Idp.Dora: reused when one answers on 127.0.0.1:<c>port</c>, else started from its
/// <c>Idp.Dora.dll</c> with an SQLite database under the platform's folder. Locally, the <c>local</c> environment counts
/// as production, so a developer sees the four keys of their own deploys.
/// </summary>
public sealed class LocalDora(LocalPlatformLayout layout, BuildLog log)
{
    /// <summary>The environments the local instance counts as production.</summary>
    public const string ProductionEnvironments = "production,prod,local";

    /// <summary>Reuses or starts Idp.Dora on <paramref name="port"/>; returns a status line. Without a server to start, says how to get one.</summary>
    public string Ensure(int port, AbsolutePath? server)
    {
        var endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        if (Answers(endpoint))
        {
            var pid = DetachedProcess.RunningPid(layout.DoraPidFile, DotNetTasks.DotNetPath);
            return pid is null ? $"Idp.Dora {endpoint} (reused)" : $"Idp.Dora {endpoint} (running, started by LocalPlatform, pid {pid})";
        }
        var dll = server ?? Installed();
        if (dll is null || !dll.FileExists())
        {
            log.Warning(
                $"No Idp.Dora answers at {endpoint} and none is installed{(dll is null ? "" : $" at {dll}")}: DORA events stay in .nuke/temp/dora-outbox until one runs. " +
                "Install it with 'dotnet tool install --global Idp.Dora --add-source <feed>' (in this repository: artifacts/packages after ./build.sh Pack), " +
                "pass --dora-server <path to Idp.Dora.dll>, or give --dora-endpoint.");
            return $"Idp.Dora {endpoint} (not running)";
        }

        layout.DoraDirectory.CreateDirectory();
        var started = DetachedProcess.Start(DotNetTasks.DotNetPath,
            [dll, "--urls", endpoint.ToString().TrimEnd('/'), "--sqlite", layout.DoraDatabase, "--production-environments", ProductionEnvironments],
            layout.DoraLog, layout.DoraPidFile);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Answers(endpoint))
        {
            if (DateTime.UtcNow > deadline)
                throw new BuildException($"Idp.Dora (pid {started}) did not answer on {endpoint} within 60 s. Is the port taken? Its log: {layout.DoraLog}");
            Thread.Sleep(250);
        }
        log.Information($"Started Idp.Dora (pid {started}) on {endpoint}, database {layout.DoraDatabase}");
        return $"Idp.Dora {endpoint} (started, pid {started})";
    }

    /// <summary>Stops the Idp.Dora this platform started; true when one was running.</summary>
    public bool Stop() => DetachedProcess.Stop(layout.DoraPidFile, DotNetTasks.DotNetPath, TimeSpan.FromSeconds(10));

    // Where 'dotnet tool install --global Idp.Dora' puts it.
    private static AbsolutePath? Installed()
    {
        var store = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", ".store", "idp.dora");
        if (!Directory.Exists(store))
            return null;
        var dll = Directory.GetFiles(store, "Idp.Dora.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return dll is null ? null : AbsolutePath.Create(dll);
    }

    private static bool Answers(Uri endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = http.GetAsync(new Uri(endpoint, "api/metrics/platform")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
