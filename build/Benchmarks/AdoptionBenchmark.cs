using System.Globalization;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// The adoption figure: from running idp-adopt on a fresh 'dotnet new webapi' repository to a healthy local
/// deploy, with no edit in between — idp-adopt, then ./build.sh Compile Test SonarGate --update-quality-baseline,
/// then ./build.sh Deploy --environment local on the local platform (its own registry on a free port). One run: the
/// first build of an adopted repository is cold by nature. Needs the SDK packed into <c>packages</c> under
/// <c>sdkVersion</c> (the Pack target) and Idp.Adopt built (Compile); stops the platform it started.
/// </summary>
static class AdoptionBenchmark
{
    /// <summary>Packs Idp.Build and Idp.Build.Components (built already) into a throwaway feed, then measures.</summary>
    public static IReadOnlyList<Figure> Measure(AbsolutePath repositoryRoot, string configuration)
    {
        var feed = AbsolutePath.Create(Directory.CreateTempSubdirectory("idp-adoption-feed-").FullName);
        var version = "0.1.0-benchmark." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        try
        {
            foreach (var project in new[] { "Idp.Build", "Idp.Build.Components" })
            {
                DotNetTasks.DotNetPack(s => s.SetProjectFile(repositoryRoot / "src" / project).SetConfiguration(configuration).EnableNoBuild()
                    .SetOutputDirectory(feed).SetVersion(version));
            }
            return Measure(repositoryRoot, feed, version, configuration);
        }
        finally
        {
            Directory.Delete(feed, recursive: true);
        }
    }

    private static IReadOnlyList<Figure> Measure(AbsolutePath repositoryRoot, AbsolutePath packages, string sdkVersion, string configuration)
    {
        var work = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "idp-adoption-benchmark-" + Guid.NewGuid().ToString("N")[..8])) / "weather";
        var adopt = repositoryRoot / "src" / "Idp.Adopt" / "bin" / configuration / "net10.0" / "Idp.Adopt.dll";
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        string[] platform = ["--platform-directory", work / ".idp-platform", "--registry-port", port];
        try
        {
            Directory.CreateDirectory(work);
            MeasuredProcess.Run(work, DotNetTasks.DotNetPath, "new", "webapi", "-o", "src/Weather.Api").ThrowIfFailed("dotnet new webapi");
            WorkspaceGit.Run(work, "init", "-q");
            WorkspaceGit.CommitAll(work, "A web API before adoption");

            var adoption = MeasuredProcess.Run(work, DotNetTasks.DotNetPath, "exec", adopt, "--team", "benchmark", "--sdk-version", sdkVersion, "--feed", packages).ThrowIfFailed("idp-adopt");
            WorkspaceGit.CommitAll(work, "Adopt the golden path");
            var gate = MeasuredProcess.Run(work, work / "build.sh", "Compile", "Test", "SonarGate", "--update-quality-baseline").ThrowIfFailed("./build.sh Compile Test SonarGate --update-quality-baseline");
            var deploy = MeasuredProcess.Run(work, work / "build.sh", ["Deploy", "--environment", "local", .. platform]).ThrowIfFailed("./build.sh Deploy --environment local");
            var total = adoption.Wall + gate.Wall + deploy.Wall;
            return
            [
                Figure.Measured("adoption.webapi.idp-adopt", adoption.Wall.TotalSeconds, "s", atMost: null, "idp-adopt on a fresh 'dotnet new webapi' repository: detection, plan, files written"),
                Figure.Measured("adoption.webapi.first-gate", gate.Wall.TotalSeconds, "s", atMost: null, "./build.sh Compile Test SonarGate --update-quality-baseline, the build project compiled for the first time"),
                Figure.Measured("adoption.webapi.first-deploy", deploy.Wall.TotalSeconds, "s", atMost: null, "./build.sh Deploy --environment local until healthy, the local platform and base image started and built on the way"),
                Figure.Measured("adoption.webapi.to-healthy-deploy", total.TotalSeconds, "s", atMost: 600, "from idp-adopt to a healthy local deploy, no edit in between (the issue's 10 minutes)"),
            ];
        }
        finally
        {
            if (File.Exists(work / "build" / "bin" / "_build.dll"))
                MeasuredProcess.Run(work, work / "build.sh", ["LocalPlatformStop", .. platform]);
            try
            {
                Directory.Delete(work.Parent!, recursive: true);
            }
            catch (IOException)
            {
                // A leftover mount of the engine keeps the folder; it is under the temp folder.
            }
        }
    }
}
