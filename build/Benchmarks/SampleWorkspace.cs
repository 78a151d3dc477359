using System.Globalization;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// A copy of samples/hello-service in a git repository of its own under the temp folder, with its build program
/// built against this checkout's src and a local platform of its own (state folder inside the copy, registry on a
/// free port). Dispose stops what that platform started and deletes the copy.
/// </summary>
sealed class SampleWorkspace : IDisposable
{
    private static readonly string[] Skipped = ["bin", "obj", "artifacts", "temp", ".sonarqube"];

    private SampleWorkspace(AbsolutePath directory, int registryPort)
    {
        Directory = directory;
        RegistryPort = registryPort;
    }

    public AbsolutePath Directory { get; }

    public int RegistryPort { get; }

    public string Registry => $"127.0.0.1:{RegistryPort.ToString(CultureInfo.InvariantCulture)}";

    public string Image => $"{Registry}/platform/hello-service";

    public string BaseImage => $"{Registry}/idp/dotnet-aspnet:{Environment.Version.Major}.{Environment.Version.Minor}";

    public AbsolutePath Platform => Directory / ".idp-platform";

    /// <summary>Where every build of this copy finds its platform: its own state folder and registry port.</summary>
    public string[] PlatformArguments => ["--platform-directory", Platform, "--registry-port", RegistryPort.ToString(CultureInfo.InvariantCulture)];

    /// <summary>The engine the platform uses: DOCKER_HOST, else the default socket, else the private one it started.</summary>
    public string Engine =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host
        : File.Exists("/var/run/docker.sock") ? "unix:///var/run/docker.sock"
        : "unix://" + (Platform / "docker" / "docker.sock");

    /// <summary>Copies the sample, commits it, and builds its build program.</summary>
    public static SampleWorkspace Create(AbsolutePath repositoryRoot, string name)
    {
        var workspace = new SampleWorkspace(AbsolutePath.Create(Path.Combine(Path.GetTempPath(), $"idp-{name}-{Guid.NewGuid().ToString("N")[..8]}")), FreePort.Next());
        Copy(repositoryRoot / "samples" / "hello-service", workspace.Directory);
        var project = workspace.Directory / "build" / "_build.csproj";
        File.WriteAllText(project, File.ReadAllText(project).Replace("../../../src/", repositoryRoot / "src" + "/", StringComparison.Ordinal));
        WorkspaceGit.Run(workspace.Directory, "init", "-q");
        WorkspaceGit.CommitAll(workspace.Directory, "benchmark");
        // The bootstrapper's own first run: the build program published ReadyToRun, as every user of ./build.sh gets it.
        MeasuredProcess.Run(workspace.Directory, workspace.Directory / "build.sh", "--help").ThrowIfFailed("./build.sh --help (bootstrap)");
        return workspace;
    }

    /// <summary>A copy of the sample without its build program's state, for the same steps done by hand.</summary>
    public AbsolutePath CopyForHand(string name)
    {
        var copy = AbsolutePath.Create(Directory + "-" + name);
        Copy(Directory, copy);
        return copy;
    }

    /// <summary>
    /// Runs <c>./build.sh</c> of the copy (bootstrapped already) with the platform's arguments appended, in a process of
    /// its own as in CI (no build server).
    /// </summary>
    public ProcessMeasurement Build(params string[] arguments) =>
        MeasuredProcess.Run(Directory, BuildServer("off"), Directory / "build.sh", [.. arguments, .. PlatformArguments]);

    /// <summary>Runs <c>./build.sh</c> as at a developer's terminal: on the copy's build server, which the first such run starts.</summary>
    public ProcessMeasurement BuildOnServer(params string[] arguments) =>
        MeasuredProcess.Run(Directory, BuildServer("on"), Directory / "build.sh", [.. arguments, .. PlatformArguments]);

    /// <summary>
    /// Runs <c>./build.sh</c> with <c>IDP_BUILD_NATIVE=on</c>: the build compiled with Native AOT (the first such run
    /// compiles it), in a process of its own as in CI.
    /// </summary>
    public ProcessMeasurement BuildNative(params string[] arguments) =>
        MeasuredProcess.Run(Directory, new Dictionary<string, string> { ["IDP_BUILD_SERVER"] = "off", ["IDP_BUILD_NATIVE"] = "on" }, Directory / "build.sh", [.. arguments, .. PlatformArguments]);

    private static Dictionary<string, string> BuildServer(string mode) => new() { ["IDP_BUILD_SERVER"] = mode };

    /// <summary>The seconds <paramref name="targets"/> took in the last run, from its record (<c>.nuke/temp/run.json</c>).</summary>
    public double TargetSeconds(params string[] targets)
    {
        using var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Directory / ".nuke" / "temp" / "run.json"));
        return record.RootElement.GetProperty("targets").EnumerateArray()
            .Where(t => targets.Contains(t.GetProperty("name").GetString()))
            .Sum(t => t.GetProperty("durationMs").GetDouble()) / 1000;
    }

    public ProcessMeasurement Docker(AbsolutePath directory, params string[] arguments) =>
        MeasuredProcess.Run(directory, "/usr/bin/env", [$"DOCKER_HOST={Engine}", "DOCKER_BUILDKIT=0", "docker", .. arguments]);

    /// <summary>Appends a comment to a source file of the service and commits it: a one-line code change.</summary>
    public static void ChangeOneLine(AbsolutePath directory, string comment)
    {
        File.AppendAllText(directory / "src" / "HelloService" / "Greetings.cs", $"\n// {comment}\n");
        if (System.IO.Directory.Exists(directory / ".git"))
            WorkspaceGit.CommitAll(directory, comment);
    }

    public string Git(params string[] arguments) => WorkspaceGit.Run(Directory, arguments);

    public void Dispose()
    {
        if (File.Exists(Directory / "build" / "bin" / "_build.dll"))
        {
            Build("LocalPlatformStop");
            MeasuredProcess.Run(Directory, Directory / "build.sh", "--stop-build-server");
        }
        foreach (var directory in new[] { (string)Directory }.Concat(System.IO.Directory.GetDirectories(Path.GetDirectoryName(Directory)!, Path.GetFileName(Directory) + "-*")))
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover mount of the engine keeps the folder; it is under the temp folder.
            }
        }
    }

    private static void Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in System.IO.Directory.GetDirectories(from).Where(d => !Skipped.Contains(Path.GetFileName(d)) && Path.GetFileName(d) != ".idp-platform"))
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
