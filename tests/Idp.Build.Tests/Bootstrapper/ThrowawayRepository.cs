using System.Globalization;
using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// A minimal repository laid out like this one — the bootstrappers, the root MSBuild and SDK files, the engine's
/// sources and a tiny <c>build/</c> project — in a temporary folder, and a way to run either bootstrapper in it.
/// The build's targets: <c>Echo</c> (the default) prints every argument of its process and the message, <c>Where</c>
/// prints the working directory and <c>IDP_PROBE</c> as the build and a child process see them, <c>Wait</c> runs
/// <c>sleep 60</c> in a shell that ends 0.3 s after Ctrl+C, <c>Stubborn</c> runs a shell that ignores Ctrl+C, and
/// <c>Fail</c> throws. With <c>PROBE_PLANNING_SECONDS</c> set, every run prints "planning" and takes that long before
/// its first target.
/// </summary>
internal sealed class ThrowawayRepository : IDisposable
{
    public const string BashScript = "build.sh";
    public const string PowerShellScript = "build.ps1";

    /// <summary>What a bootstrapper prints when, and only when, it compiles the build project.</summary>
    public const string BuildingMessage = "Building the build project";

    private static readonly string[] RootFiles =
        ["build.sh", "build.ps1", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", ".config/dotnet-tools.json"];

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _directory = new();

    public ThrowawayRepository(string script)
    {
        Script = script;
        foreach (var file in RootFiles)
            CopyFile(Repository.Root / file, Root / file);
        CopyDirectory(Repository.Root / "src" / "Idp.Build", Root / "src" / "Idp.Build");
        _directory.Write(".nuke/parameters.json", "{}\n");
        _directory.Write("build/_build.csproj", BuildProject);
        _directory.Write("build/Build.cs", BuildClass);
        WriteMessage("first");
    }

    /// <summary>A fresh checkout of <paramref name="original"/>'s files at another path: no compiled build, no stamps.</summary>
    public static ThrowawayRepository CheckoutOf(ThrowawayRepository original) => new(original);

    private ThrowawayRepository(ThrowawayRepository original)
    {
        Script = original.Script;
        CopyDirectory(original.Root, Root);
        var temp = Root / ".nuke" / "temp";
        if (Directory.Exists(temp))
            Directory.Delete(temp, recursive: true);
    }

    /// <summary><see cref="BashScript"/> or <see cref="PowerShellScript"/>: the bootstrapper <see cref="Run"/> uses.</summary>
    public string Script { get; }

    public AbsolutePath Root => _directory.Path;

    public AbsolutePath BuiltAssembly => Root / "build" / "bin" / "_build.dll";

    public AbsolutePath BuiltEngine => Root / "build" / "bin" / "Idp.Build.dll";

    /// <summary>The compiled build, <c>build/bin</c>: what a CI cache keeps between jobs.</summary>
    public AbsolutePath BuildOutput => Root / "build" / "bin";

    /// <summary>Replaces <see cref="BuildOutput"/> with a copy of <paramref name="compiled"/>, as a CI cache restores it.</summary>
    public void RestoreBuildOutput(AbsolutePath compiled)
    {
        if (Directory.Exists(BuildOutput))
            Directory.Delete(BuildOutput, recursive: true);
        CopyEverything(compiled, BuildOutput);
    }

    /// <summary>Copies every file under <paramref name="source"/>, bin and obj folders included.</summary>
    public static void CopyEverything(AbsolutePath source, AbsolutePath target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            CopyFile(AbsolutePath.Create(file), target / Path.GetRelativePath(source, file));
    }

    /// <summary>Runs the bootstrapper with <paramref name="arguments"/>, from the repository's root.</summary>
    public BuildProcess.Result Run(params string[] arguments) => Run(new Dictionary<string, string?>(), arguments);

    /// <summary>
    /// Runs the bootstrapper with changes to the environment (a null value removes a variable), from
    /// <paramref name="directory"/> (default: the root); bash is <paramref name="bash"/> if given.
    /// </summary>
    public BuildProcess.Result Run(IReadOnlyDictionary<string, string?> environment, string[] arguments, string bash = "bash", string? directory = null)
    {
        // A build run under GitLab CI or Jenkins would print that host's sections; these tests are about the scripts,
        // and those of the build server say when they want one.
        var variables = new Dictionary<string, string?> { ["GITLAB_CI"] = null, ["JENKINS_URL"] = null, ["IDP_BUILD_SERVER"] = null };
        foreach (var (name, value) in environment)
            variables[name] = value;
        return Script == BashScript
            ? BuildProcess.Run(bash, [Root / BashScript, .. arguments], directory ?? Root, variables, ScriptTimeout)
            : BuildProcess.Run(DotNet, ["tool", "run", "pwsh", "--", "-NoProfile", "-File", Root / PowerShellScript, .. arguments], directory ?? Root, variables, ScriptTimeout);
    }

    /// <summary>The text the <c>Echo</c> target prints after the arguments, kept in <c>build/Message.cs</c>.</summary>
    public void WriteMessage(string text) =>
        _directory.Write("build/Message.cs", $$"""
            namespace BootstrapperProbe;

            static class Message
            {
                public const string Text = "{{text}}";
            }

            """);

    public AbsolutePath Write(string relativePath, string content) => _directory.Write(relativePath, content);

    /// <summary>The <c>dotnet</c> that runs PowerShell: the one on this process's PATH, by its full path.</summary>
    public static string DotNet { get; } = FindOnPath("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH; the bootstrapper tests need the .NET SDK.");

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>Restores the repository's local tools (PowerShell), once per machine; a no-op when they are there.</summary>
    public void RestoreTools()
    {
        var result = BuildProcess.Run(DotNet, ["tool", "restore"], Root);
        result.ExitCode.ShouldBe(0, $"dotnet tool restore failed, so build.ps1 cannot be run under PowerShell 7:\n{result.All}");
    }

    /// <summary>The build server's file: <c>port token pid fingerprint</c> while one serves this repository.</summary>
    public AbsolutePath ServerFile => Root / ".nuke" / "temp" / "build-server";

    public void Dispose()
    {
        StopServer();
        _directory.Dispose();
    }

    /// <summary>Stops the build server, if one runs, and waits until its process has exited.</summary>
    public void StopServer()
    {
        if (!File.Exists(ServerFile))
            return;
        var pid = int.Parse(File.ReadAllText(ServerFile).Split(' ')[2], CultureInfo.InvariantCulture);
        BuildProcess.Run("bash", [Root / BashScript, "--stop-build-server"], Root);
        try
        {
            using var server = System.Diagnostics.Process.GetProcessById(pid);
            if (!server.WaitForExit(TimeSpan.FromSeconds(20)))
                server.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static void CopyFile(AbsolutePath source, AbsolutePath target)
    {
        target.Parent!.CreateDirectory();
        File.Copy(source, target);
    }

    private static void CopyDirectory(AbsolutePath source, AbsolutePath target)
    {
        target.CreateDirectory();
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, target / Path.GetFileName(file));
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
                CopyDirectory(AbsolutePath.Create(directory), target / name);
        }
    }

    private const string BuildProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <OutputPath>bin/</OutputPath>
            <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
            <AppendRuntimeIdentifierToOutputPath>false</AppendRuntimeIdentifierToOutputPath>
            <UseAppHost>false</UseAppHost>
            <InvariantGlobalization>true</InvariantGlobalization>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../src/Idp.Build/Idp.Build.csproj" />
          </ItemGroup>
        </Project>

        """;

    private const string BuildClass = """
        using System.Globalization;
        using Idp.Build;
        using Idp.Build.Processes;

        namespace BootstrapperProbe;

        [ObservedBy(typeof(SlowPlanning))]
        class Build : IdpBuild
        {
            public static int Main() => Execute<Build>(x => x.Echo);

            [Parameter("Words for Echo to print")]
            readonly string[] Words = [];

            Target Echo => _ => _
                .Description("Prints every argument of this process, then the message")
                .Executes(() =>
                {
                    foreach (var argument in Environment.GetCommandLineArgs().Skip(1))
                        Console.WriteLine($"arg: <{argument}>");
                    Console.WriteLine($"words: {Words.Length}, message: {Message.Text}");
                });

            Target Fail => _ => _
                .Description("Always fails")
                .Executes(() => FailNow());

            Target Where => _ => _
                .Description("Prints the working directory and IDP_PROBE, as the build and a child process see them")
                .Executes(() =>
                {
                    Console.WriteLine($"directory: {Environment.CurrentDirectory}, probe: <{Environment.GetEnvironmentVariable("IDP_PROBE")}>");
                    ProcessRunner.Run("sh", ["-c", "echo \"child: $PWD, probe: <$IDP_PROBE>\""], new ProcessOptions { LogInvocation = false });
                    Console.Error.WriteLine("to standard error");
                });

            Target Wait => _ => _
                .Description("Runs sleep 60 in a shell that ends 0.3 s after Ctrl+C")
                .Executes(() =>
                {
                    // Like most tools, it takes a moment to wind up on Ctrl+C. It says "waiting" once its trap is set,
                    // so a test that presses Ctrl+C on seeing it never hits the shell before.
                    ProcessRunner.Run("sh", ["-c", "trap 'sleep 0.3; kill $!; exit 130' INT; echo waiting; sleep 60 & wait"], new ProcessOptions { LogInvocation = false });
                });

            Target Stubborn => _ => _
                .Description("Runs a shell that ignores Ctrl+C and sleeps")
                .Executes(() =>
                {
                    ProcessRunner.Run("sh", ["-c", "trap '' INT; echo stubborn; sleep 45.5"], new ProcessOptions { LogInvocation = false });
                });

            static void FailNow() => throw new InvalidOperationException("Fail always fails");
        }

        class SlowPlanning : IBuildObserver
        {
            public async Task OnPlannedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan)
            {
                if (Environment.GetEnvironmentVariable("PROBE_PLANNING_SECONDS") is { Length: > 0 } seconds)
                {
                    Console.WriteLine("planning");
                    await Task.Delay(TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)));
                }
            }
        }

        """;
}
