using System.Globalization;

namespace Idp.Build.Components.Platform;

/// <summary>
/// Makes sure a Docker engine and a registry run on this machine, starting only what is missing, and stops only
/// what it started (it keeps a pid file for each daemon under <see cref="LocalPlatformLayout.Root"/>).
/// </summary>
public sealed class LocalPlatform(LocalPlatformLayout layout, BuildLog log)
{
    private const string Dockerd = "/usr/sbin/dockerd";
    private const string DockerRegistry = "/usr/bin/docker-registry";

    /// <summary>Reuses the engine at <paramref name="endpoint"/> when it answers; else starts a private dockerd. Returns a status line.</summary>
    public string EnsureEngine(Uri endpoint, bool explicitlyGiven)
    {
        if (DockerEngine.Answers(endpoint))
        {
            var pid = DetachedProcess.RunningPid(layout.DockerPidFile, Dockerd);
            return pid is null ? $"engine {endpoint} (reused)" : $"engine {endpoint} (running, started by LocalPlatform, pid {pid})";
        }
        if (explicitlyGiven || endpoint.LocalPath != layout.DockerSocket.ToString())
        {
            throw new BuildException(
                $"No Docker engine answers at {endpoint} (DOCKER_HOST / --docker-host). Start it, or unset DOCKER_HOST so LocalPlatform starts a private engine under {layout.Root}.");
        }

        layout.DockerDirectory.CreateDirectory();
        File.Delete(layout.DockerSocket);
        var started = DetachedProcess.Start(Dockerd,
        [
            "--host", "unix://" + layout.DockerSocket,
            "--data-root", layout.DockerDirectory / "data",
            "--exec-root", layout.DockerDirectory / "exec",
            "--pidfile", layout.DockerDirectory / "dockerd.self.pid",
            // No bridge and no iptables: the platform needs no container network of its own (containers run with --network host),
            // and a laptop's or CI runner's firewall stays untouched.
            "--bridge", "none",
            "--iptables=false",
            "--ip6tables=false",
        ], layout.DockerLog, layout.DockerPidFile);
        WaitUntil(() => DockerEngine.Answers(endpoint), TimeSpan.FromSeconds(60),
            $"dockerd (pid {started}) did not answer on {layout.DockerSocket} within 60 s. Its log: {layout.DockerLog}");
        log.Information($"Started dockerd (pid {started}) on {layout.DockerSocket}, data in {layout.DockerDirectory / "data"}");
        return $"engine {endpoint} (started, pid {started})";
    }

    /// <summary>Reuses a registry answering on 127.0.0.1:<paramref name="port"/>; else starts <c>docker-registry</c> there. Returns a status line.</summary>
    public string EnsureRegistry(int port)
    {
        var address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        if (RegistryAnswers(address))
        {
            var pid = DetachedProcess.RunningPid(layout.RegistryPidFile, DockerRegistry);
            return pid is null ? $"registry {address} (reused)" : $"registry {address} (running, started by LocalPlatform, pid {pid})";
        }

        layout.RegistryDirectory.CreateDirectory();
        var config = layout.RegistryDirectory / "config.yml";
        File.WriteAllText(config, string.Join('\n',
            "version: 0.1",
            "log:",
            "  level: info",
            "storage:",
            "  filesystem:",
            $"    rootdirectory: {layout.RegistryDirectory / "data"}",
            "  delete:",
            "    enabled: true",
            "http:",
            $"  addr: {address}",
            ""));
        var started = DetachedProcess.Start(DockerRegistry, ["serve", config], layout.RegistryLog, layout.RegistryPidFile);
        WaitUntil(() => RegistryAnswers(address), TimeSpan.FromSeconds(30),
            $"docker-registry (pid {started}) did not answer on http://{address}/v2/ within 30 s. Is the port taken? Its log: {layout.RegistryLog}");
        log.Information($"Started docker-registry (pid {started}) on {address}, storage in {layout.RegistryDirectory / "data"}");
        return $"registry {address} (started, pid {started})";
    }

    /// <summary>Stops the daemons this platform started (never one it merely reused). Returns a status line.</summary>
    public string Stop()
    {
        var stopped = new List<string>();
        if (DetachedProcess.Stop(layout.RegistryPidFile, DockerRegistry, TimeSpan.FromSeconds(10)))
            stopped.Add("docker-registry");
        if (DetachedProcess.Stop(layout.DockerPidFile, Dockerd, TimeSpan.FromSeconds(30)))
        {
            stopped.Add("dockerd");
            UnmountLeftovers();
        }
        return stopped.Count == 0 ? "nothing to stop (LocalPlatform started no daemon that still runs)" : "stopped " + string.Join(" and ", stopped);
    }

    // dockerd leaves its network namespace (exec/netns/default) mounted after it exits.
    private void UnmountLeftovers()
    {
        var mounts = File.ReadLines("/proc/self/mounts").Select(l => l.Split(' ')[1])
            .Where(m => m.StartsWith(layout.DockerDirectory + "/", StringComparison.Ordinal)).Reverse();
        foreach (var mount in mounts)
        {
            Idp.Build.Processes.ProcessRunner.Run("umount", ["-l", mount],
                new Idp.Build.Processes.ProcessOptions { LogOutput = false, LogInvocation = false, AllowNonZeroExitCode = true });
        }
    }

    private static bool RegistryAnswers(string address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = http.GetAsync(new Uri($"http://{address}/v2/")).GetAwaiter().GetResult();
            return response.Headers.Contains("Docker-Distribution-API-Version");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static void WaitUntil(Func<bool> ready, TimeSpan limit, string failure)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!ready())
        {
            if (DateTime.UtcNow > deadline)
                throw new BuildException(failure);
            Thread.Sleep(250);
        }
    }
}
