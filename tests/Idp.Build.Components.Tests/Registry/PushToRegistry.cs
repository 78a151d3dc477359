using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Idp.Build.Components.Registry;
using Idp.Build.Components.Tests.Image;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>Push records the digest the registry serves, skips a push the registry already holds, and names a refused user.</summary>
[Collection(DockerCollection.Name)]
public sealed class PushToRegistry(ImagePipeline pipeline)
{
    [Fact]
    public async Task Push_writes_the_digest_that_the_registry_serves_for_the_tag()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        using var registry = Client(pipeline.Registry.Password);

        var (info, body) = await registry.GetManifestAsync("platform/hello-service", pipeline.FirstCommit);

        var recorded = pipeline.FirstImage;
        recorded.GetProperty("repository").GetString().ShouldBe(pipeline.Repository);
        recorded.GetProperty("tag").GetString().ShouldBe(pipeline.FirstCommit);
        recorded.GetProperty("digest").GetString().ShouldBe(info.Digest);
        recorded.GetProperty("size").GetInt64().ShouldBe(body.Length);
        ("sha256:" + Convert.ToHexStringLower(SHA256.HashData(body))).ShouldBe(info.Digest);
        pipeline.FirstImageEnv.ShouldContain($"IMAGE_DIGEST={info.Digest}\n");
        pipeline.FirstPush.StandardOutput.ShouldMatch($@"Push\s+│ Succeeded\s+│ [\d.:]+ (s|min)\s+│ {info.Digest}\s");
    }

    [Fact]
    public async Task The_version_tag_is_added_in_the_registry_to_the_manifest_the_commit_tag_names()
    {
        pipeline.FirstPush.ExitCode.ShouldBe(0, pipeline.FirstPush.StandardOutput);
        var tagged = Regex.Match(pipeline.FirstPush.StandardOutput,
            $@"Tagged {Regex.Escape(pipeline.Repository)}:(?<tag>\S+) in the registry \((?<digest>sha256:[0-9a-f]{{64}})\), the manifest of :{pipeline.FirstCommit};");
        tagged.Success.ShouldBeTrue(pipeline.FirstPush.StandardOutput);
        using var registry = Client(pipeline.Registry.Password);

        var version = await registry.HeadManifestAsync("platform/hello-service", tagged.Groups["tag"].Value);

        tagged.Groups["tag"].Value.ShouldEndWith("-" + pipeline.FirstCommit[..8]);
        version.ShouldNotBeNull().Digest.ShouldBe(pipeline.FirstImage.GetProperty("digest").GetString());
        tagged.Groups["digest"].Value.ShouldBe(version.Digest);
    }

    [Fact]
    public void Pushing_an_image_the_registry_holds_under_that_tag_reports_already_present()
    {
        var result = pipeline.Run("Push", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "DockerBuild");

        result.ExitCode.ShouldBe(0, result.StandardOutput);
        result.StandardOutput.ShouldContain("is already present in the registry");
        result.StandardOutput.ShouldMatch(@"Push\s+│ Succeeded\s+│ [\d.:]+ (s|min)\s+│ sha256:[0-9a-f]{64} \(already present\)");
        var recorded = JsonDocument.Parse(File.ReadAllText(pipeline.Sample.Artifacts / "image.json")).RootElement;
        recorded.GetProperty("digest").GetString().ShouldStartWith("sha256:");
    }

    [Fact]
    public void A_wrong_password_fails_at_once_naming_the_registry_and_the_user_without_printing_the_password()
    {
        const string wrong = "not-the-password-4711";

        var result = pipeline.RunWith(wrong, "Push", "--skip", "LocalPlatform", "Restore", "Compile", "Publish", "DockerBuild");

        result.ExitCode.ShouldBe(1, result.StandardOutput);
        result.StandardOutput.ShouldContain($"Registry {pipeline.Registry.Address} refused user '{pipeline.Registry.Username}' (401 Unauthorized)");
        result.StandardOutput.ShouldNotContain("retrying");
        (result.StandardOutput + result.StandardError).ShouldNotContain(wrong);
    }

    private RegistryClient Client(string password) =>
        new(RegistryHost.Of(pipeline.Registry.Address), new RegistryCredentials(pipeline.Registry.Username, password));
}
