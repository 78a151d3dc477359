using Idp.Build.Processes;

namespace Idp.Build.Components.Tests.GoldenPath;

/// <summary>
/// A throwaway copy of samples/hello-service whose build project references this repository's SDK sources by
/// absolute path, so the copy builds anywhere and an SDK change is exercised at once.
/// </summary>
internal sealed class SampleRepository : IDisposable
{
    private static readonly string[] Skipped = ["bin", "obj", "artifacts", "temp", ".sonarqube"];

    public SampleRepository(string? buildClass = null)
    {
        Root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "idp-sample-" + Guid.NewGuid().ToString("N")[..10]));
        Copy(RepositoryRoot / "samples" / "hello-service", Root);
        // The sample's build project points into the SDK's sources by relative paths; the copy lives elsewhere.
        var project = Root / "build" / "_build.csproj";
        File.WriteAllText(project, File.ReadAllText(project).Replace("../../../src/", RepositoryRoot / "src" + "/", StringComparison.Ordinal));
        if (buildClass is not null)
            File.WriteAllText(Root / "build" / "Build.cs", buildClass);
    }

    public static AbsolutePath RepositoryRoot { get; } = FindRepositoryRoot();

    public AbsolutePath Root { get; }

    public AbsolutePath Artifacts => Root / "artifacts";

    /// <summary>Compiles the copy's build project; returns the build assembly.</summary>
    public AbsolutePath CompileBuild()
    {
        ProcessRunner.Run(DotNetTasksPath, ["build", Root / "build" / "_build.csproj", "-nologo", "--verbosity", "quiet"],
            new ProcessOptions { WorkingDirectory = Root, LogOutput = false, LogInvocation = false, Timeout = TimeSpan.FromMinutes(10) });
        return Root / "build" / "bin" / "_build.dll";
    }

    /// <summary>Runs a build assembly with this copy as its root.</summary>
    public ProcessResult Run(AbsolutePath buildAssembly, params string[] arguments) => Run(buildAssembly, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs a build assembly with this copy as its root and more environment <paramref name="variables"/>.</summary>
    public ProcessResult Run(AbsolutePath buildAssembly, IReadOnlyDictionary<string, string?> variables, params string[] arguments) =>
        ProcessRunner.Run(DotNetTasksPath, [buildAssembly, .. arguments], OutsideCi.Options(Root, TimeSpan.FromMinutes(15), variables));

    public void Write(string relativePath, string content)
    {
        var file = Root / relativePath;
        file.Parent!.CreateDirectory();
        File.WriteAllText(file, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    private static string DotNetTasksPath => Idp.Build.Tools.DotNetTasks.DotNetPath;

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source).Where(d => !Skipped.Contains(Path.GetFileName(d))))
            Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
    }

    private static AbsolutePath FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Idp.Build.sln")))
                return AbsolutePath.Create(directory.FullName);
        }
        throw new InvalidOperationException($"No Idp.Build.sln above {AppContext.BaseDirectory}.");
    }
}
