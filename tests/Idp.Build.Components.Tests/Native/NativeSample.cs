using Idp.Build.Components.Tests.GoldenPath;
using Idp.Build.Components.Tests.Image;
using Idp.Build.Processes;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Native;

/// <summary>
/// A copy of the sample whose build.sh compiles its build with Native AOT (<c>IDP_BUILD_NATIVE=on</c>). The first run
/// compiles it (minutes), once for the tests that share this fixture: it builds and pushes the sample against the
/// Docker collection's engine and registry, into an image repository of its own.
/// </summary>
public sealed class NativeSample : IDisposable
{
    public const string ImageRepository = "platform/hello-service-native";

    private readonly Lock _first = new();
    private ProcessResult? _firstRun;

    internal SampleRepository Sample { get; } = new();

    /// <summary>What build.sh runs: the native executable of the build.</summary>
    internal AbsolutePath Executable => Sample.Root / "build" / "bin-native" / "_build";

    internal string Commit { get; private set; } = "";

    /// <summary>Whether build/bin, the ReadyToRun build's folder, existed after the native compile of the first run.</summary>
    internal bool FirstRunWroteBuildBin { get; private set; }

    /// <summary>The first run of <c>./build.sh DockerBuild Push</c>, which compiled the build.</summary>
    internal ProcessResult FirstRun(ImagePipeline pipeline)
    {
        lock (_first)
        {
            if (_firstRun is null)
            {
                Sample.Write("idp.yaml", File.ReadAllText(Sample.Root / "idp.yaml")
                    .Replace("repository: platform/hello-service", "repository: " + ImageRepository, StringComparison.Ordinal));
                Git("init", "-q");
                Git("add", "-A");
                Git("-c", "user.name=Idp Test", "-c", "user.email=idp@example.invalid", "commit", "-q", "-m", "The sample service");
                Commit = Git("rev-parse", "HEAD");
                _firstRun = BuildScript(pipeline, native: true, "DockerBuild", "Push");
                FirstRunWroteBuildBin = Directory.Exists(Sample.Root / "build" / "bin");
            }
            return _firstRun;
        }
    }

    /// <summary>Runs ./build.sh with <paramref name="arguments"/> and the pipeline's engine and registry, without a build server.</summary>
    internal ProcessResult BuildScript(ImagePipeline pipeline, bool native, params string[] arguments) =>
        BuildScript(pipeline, pipeline.Registry, native, arguments);

    /// <summary>Runs ./build.sh as <see cref="BuildScript(ImagePipeline, bool, string[])"/> does, against <paramref name="registry"/>.</summary>
    internal ProcessResult BuildScript(ImagePipeline pipeline, RegistryServer registry, bool native, params string[] arguments) =>
        ProcessRunner.Run("bash", [Sample.Root / "build.sh", .. arguments, .. Platform(pipeline, registry)], OutsideCi.Options(Sample.Root, TimeSpan.FromMinutes(20),
            new Dictionary<string, string?> { ["IDP_BUILD_NATIVE"] = native ? "on" : null, ["IDP_BUILD_SERVER"] = "off" }));

    /// <summary>The pipeline's engine, <paramref name="registry"/> with its user's credentials, and a platform folder inside the copy.</summary>
    private string[] Platform(ImagePipeline pipeline, RegistryServer registry) =>
    [
        "--docker-host", pipeline.Engine.Endpoint.ToString(),
        "--registry", registry.Address,
        "--registry-username", registry.Username,
        "--registry-password", registry.Password,
        "--platform-directory", Sample.Root / ".idp-platform",
    ];

    internal string Git(params string[] arguments) =>
        ProcessRunner.Run("git", arguments, new ProcessOptions { WorkingDirectory = Sample.Root, LogOutput = false, LogInvocation = false }).StandardOutput.Trim();

    public void Dispose() => Sample.Dispose();
}
