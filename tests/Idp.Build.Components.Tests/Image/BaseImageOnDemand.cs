using System.Formats.Tar;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Idp.Build.Components.Platform;
using Idp.Build.Components.Registry;
using Idp.Build.Processes;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Image;

/// <summary>On a fresh machine DockerBuild builds the platform's base image first; once the registry holds it, never again.</summary>
[Collection(DockerCollection.Name)]
public sealed class BaseImageOnDemand(ImagePipeline pipeline)
{
    [Fact]
    public async Task The_first_push_builds_the_base_image_and_pushes_it_under_both_runtime_tags()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        pipeline.FirstPush.StandardOutput.ShouldMatch(@"BaseImage\s+│ Succeeded");
        using var registry = new RegistryClient(RegistryHost.Of(pipeline.Registry.Address), new RegistryCredentials(pipeline.Registry.Username, pipeline.Registry.Password));

        var minor = await registry.HeadManifestAsync(BaseImageName.Repository, BaseImageName.Tag);
        var exact = await registry.HeadManifestAsync(BaseImageName.Repository, BaseImageName.ExactTag(BaseImageRecipe.OfThisMachine()));

        minor.ShouldNotBeNull();
        exact.ShouldNotBeNull();
        exact.Digest.ShouldBe(minor.Digest);
    }

    [Fact]
    public void A_later_build_skips_the_base_image_the_registry_already_holds()
    {
        var result = pipeline.Run("DockerBuild", "--skip", "Restore", "Compile", "Publish");

        result.ExitCode.ShouldBe(0, result.StandardOutput);
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped\s+│[^\n]*PlatformBaseImageMissing");
    }

    [Fact]
    public void A_given_runtime_base_image_is_used_without_looking_at_the_platforms()
    {
        var given = $"{pipeline.Registry.Address}/{BaseImageName.Repository}:{BaseImageName.Tag}";

        var result = pipeline.Run("DockerBuild", "--skip", "Restore", "Compile", "Publish", "--runtime-base-image", given);

        result.ExitCode.ShouldBe(0, result.StandardOutput);
        result.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped");
    }

    [Fact]
    public async Task Other_CA_certificates_build_the_base_image_again_and_the_service_image_trusts_them()
    {
        await using var registry = await RegistryServer.StartAsync();
        var bankCa = SelfSignedCertificatePem("CN=Bank Root CA (test)");
        var bundle = Path.Combine(Path.GetTempPath(), $"idp-bank-bundle-{Guid.NewGuid():N}.crt");
        File.WriteAllText(bundle, File.ReadAllText(BaseImageRecipe.CaBundlePath) + bankCa);
        string[] build = ["DockerBuild", "--skip", "Restore", "Compile", "Publish"];

        var machine = pipeline.RunAgainst(registry, new Dictionary<string, string?>(), build);
        var bank = pipeline.RunAgainst(registry, new Dictionary<string, string?> { ["SSL_CERT_FILE"] = bundle }, build);
        var machineAgain = pipeline.RunAgainst(registry, new Dictionary<string, string?>(), build);
        File.Delete(bundle);

        machine.ExitCode.ShouldBe(0, machine.StandardOutput);
        bank.ExitCode.ShouldBe(0, bank.StandardOutput);
        machineAgain.ExitCode.ShouldBe(0, machineAgain.StandardOutput);
        var machineBase = BuiltBaseImage(machine);
        var bankBase = BuiltBaseImage(bank);
        bankBase.ShouldNotBe(machineBase);
        machineAgain.StandardOutput.ShouldMatch(@"BaseImage\s+│ Skipped");
        (await CaBundleOf(ServiceImage(bank))).ShouldContain(bankCa);
        (await CaBundleOf(ServiceImage(machineAgain))).ShouldNotContain(bankCa);
    }

    [Fact]
    public void An_SSL_CERT_FILE_that_does_not_exist_fails_the_build_and_says_so()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"idp-missing-{Guid.NewGuid():N}.crt");

        var result = pipeline.RunAgainst(pipeline.Registry, new Dictionary<string, string?> { ["SSL_CERT_FILE"] = missing }, "DockerBuild", "--skip", "Restore", "Compile", "Publish");

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldContain($"SSL_CERT_FILE is {missing}, which does not exist.");
        result.StandardOutput.ShouldMatch(@"DockerBuild\s+│ NotRun");
    }

    // BaseImage's summary names the image it built by its exact tag.
    private static string BuiltBaseImage(ProcessResult result) =>
        Summary(result, @"BaseImage\s+│ Succeeded\s+│[^│]*│ *(?<image>\S+:\d+\.\d+\.\d+-[0-9a-f]{12}) ");

    // DockerBuild's summary: "<repository>:<sha> (<image id>)"; the tag is the same in every run of one commit.
    private static string ServiceImage(ProcessResult result) => Summary(result, @"DockerBuild\s+│ Succeeded\s+│[^│]*│ *\S+ \((?<image>[0-9a-f]{12})\)");

    private static string Summary(ProcessResult result, string pattern)
    {
        var match = Regex.Match(result.StandardOutput, pattern);
        match.Success.ShouldBeTrue($"no line matches {pattern}:\n{result.StandardOutput}");
        return match.Groups["image"].Value;
    }

    private async Task<string> CaBundleOf(string image)
    {
        using var docker = DockerEngine.Connect(pipeline.Engine.Endpoint);
        var container = await docker.Containers.CreateContainerAsync(new CreateContainerParameters { Image = image });
        try
        {
            var archive = await docker.Containers.GetArchiveFromContainerAsync(container.ID, new GetArchiveFromContainerParameters { Path = BaseImageRecipe.CaBundlePath }, statOnly: false);
            // Read whole first: the engine's chunked stream does not serve the tar reader's reads of exact lengths.
            using var tar = new MemoryStream();
            await archive.Stream.CopyToAsync(tar);
            tar.Position = 0;
            using var reader = new TarReader(tar);
            var entry = (await reader.GetNextEntryAsync()).ShouldNotBeNull($"{BaseImageRecipe.CaBundlePath} is missing from {image}");
            using var text = new StreamReader(entry.DataStream!);
            return await text.ReadToEndAsync();
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    private static string SelfSignedCertificatePem(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n";
    }
}
