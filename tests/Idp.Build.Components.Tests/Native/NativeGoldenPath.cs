using System.Runtime.InteropServices;
using System.Text.Json;
using Idp.Build.Components.Platform;
using Idp.Build.Components.Registry;
using Idp.Build.Components.Tests.Deploy.OpenShift;
using Idp.Build.Components.Tests.Image;
using Idp.Testing.Docker;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Native;

/// <summary>
/// IDP_BUILD_NATIVE=on: build.sh compiles the sample's build with Native AOT, and that executable runs the golden path
/// as the ReadyToRun build does: image, registry, base image, and a deploy with Vault secrets to (a fake) OpenShift.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class NativeGoldenPath(ImagePipeline pipeline, NativeSample native, OpenShiftRepository openShift)
    : IClassFixture<NativeSample>, IClassFixture<OpenShiftRepository>
{
    [Fact]
    public async Task Build_sh_compiles_the_build_natively_and_it_builds_and_pushes_the_image()
    {
        var first = native.FirstRun(pipeline);

        first.ExitCode.ShouldBe(0, first.StandardOutput + first.StandardError);
        first.StandardOutput.ShouldContain("Compiling the build project natively");
        var executable = await File.ReadAllBytesAsync(native.Executable);
        executable[..4].ShouldBe(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, "build/bin-native/_build is a native executable");
        File.Exists(native.Sample.Root / "build" / "bin-native" / "_build.dll").ShouldBeFalse();
        native.FirstRunWroteBuildBin.ShouldBeFalse("the native compile leaves build/bin to the ReadyToRun build");
        using var registry = new RegistryClient(RegistryHost.Of(pipeline.Registry.Address), new RegistryCredentials(pipeline.Registry.Username, pipeline.Registry.Password));
        var (info, _) = await registry.GetManifestAsync(NativeSample.ImageRepository, native.Commit);
        var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(native.Sample.Artifacts / "image.json")).RootElement;
        recorded.GetProperty("repository").GetString().ShouldBe($"{pipeline.Registry.Address}/{NativeSample.ImageRepository}");
        recorded.GetProperty("digest").GetString().ShouldBe(info.Digest);
        first.StandardOutput.ShouldMatch($@"Push\s+│ Succeeded\s+│ [\d.:]+ (s|min)\s+│ {info.Digest}\s");
    }

    [Fact]
    public void The_next_run_compiles_nothing_and_finds_the_image_already_pushed()
    {
        native.FirstRun(pipeline).ExitCode.ShouldBe(0);

        var again = native.BuildScript(pipeline, native: true, "DockerBuild", "Push");

        again.ExitCode.ShouldBe(0, again.StandardOutput + again.StandardError);
        again.StandardOutput.ShouldNotContain("Compiling the build project");
        again.StandardOutput.ShouldMatch(@"Push\s+│ Succeeded\s+│[^│]+│ sha256:[0-9a-f]{64} \(already present\)");
    }

    [Fact]
    public async Task The_native_build_makes_the_base_image_from_the_runtime_installed_beside_the_sdk()
    {
        native.FirstRun(pipeline).ExitCode.ShouldBe(0);
        await using var empty = await RegistryServer.StartAsync();

        var result = native.BuildScript(pipeline, empty, native: true, "BaseImage", "--skip", "LocalPlatform");

        result.ExitCode.ShouldBe(0, result.StandardOutput + result.StandardError);
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Succeeded");
        // The runtime this test runs on is the one installed beside the SDK that compiled the native build.
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory()).Name;
        var exactTag = BaseImageName.ExactTag(BaseImageRecipe.OfThisMachine());
        exactTag.ShouldStartWith(runtime + "-");
        using var registry = new RegistryClient(RegistryHost.Of(empty.Address), new RegistryCredentials(empty.Username, empty.Password));
        var exact = await registry.HeadManifestAsync(BaseImageName.Repository, exactTag);
        var minor = await registry.HeadManifestAsync(BaseImageName.Repository, BaseImageName.Tag);
        exact.ShouldNotBeNull($"{BaseImageName.Repository}:{exactTag} was pushed").Digest.ShouldBe(minor.ShouldNotBeNull().Digest);
    }

    [Fact]
    public void The_native_build_deploys_with_Vault_secrets_and_rolls_back_a_crashing_upgrade()
    {
        native.FirstRun(pipeline).ExitCode.ShouldBe(0);
        var first = OpenShiftRepository.Image('e');
        var crashing = OpenShiftRepository.Image('f');
        openShift.Cluster.ImageBehaviour = image => image == crashing ? PodBehaviour.CrashLoop : PodBehaviour.Healthy;
        string[] deploy = ["Deploy", "--environment", "dev", "--skip", "Push", "LocalPlatform", "EmitDora"];

        openShift.Record(first);
        var deployed = openShift.RunCompiled(native.Executable, deploy);
        openShift.Record(crashing);
        var failed = openShift.RunCompiled(native.Executable, deploy);

        deployed.ExitCode.ShouldBe(0, deployed.Output);
        deployed.Output.ShouldMatch(@"Deploy\s+│ Succeeded\s+│[^│]+│ dev: platform-dev/hello-service revision 1");
        openShift.Cluster.Get(KubeResource.Secrets, "platform-dev", "hello-service-secrets").ShouldNotBeNull("Vault's value became a Kubernetes Secret");
        deployed.Output.ShouldNotContain(OpenShiftRepository.Canary);
        failed.ExitCode.ShouldBe(1, failed.Output);
        failed.Output.ShouldContain("The rollout of hello-service to dev failed");
        failed.Output.ShouldContain("CrashLoopBackOff");
        openShift.DeployedImage("platform-dev").ShouldBe(first);
    }

    [Fact]
    public void The_ReadyToRun_build_and_the_native_one_live_side_by_side()
    {
        native.FirstRun(pipeline).ExitCode.ShouldBe(0);

        var readyToRun = native.BuildScript(pipeline, native: false, "--help");
        var nativeAgain = native.BuildScript(pipeline, native: true, "--help");
        var readyToRunAgain = native.BuildScript(pipeline, native: false, "--help");

        readyToRun.ExitCode.ShouldBe(0, readyToRun.StandardOutput + readyToRun.StandardError);
        readyToRun.StandardOutput.ShouldContain("DockerBuild");
        nativeAgain.ExitCode.ShouldBe(0, nativeAgain.StandardOutput + nativeAgain.StandardError);
        nativeAgain.StandardOutput.ShouldNotContain("Compiling the build project");
        readyToRunAgain.ExitCode.ShouldBe(0, readyToRunAgain.StandardOutput + readyToRunAgain.StandardError);
        readyToRunAgain.StandardOutput.ShouldNotContain("Building the build project");
    }
}
