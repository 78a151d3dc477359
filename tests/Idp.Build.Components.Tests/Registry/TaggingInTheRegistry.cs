using Idp.Build.Components.Registry;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>
/// The tags after the first are added in the registry (Nexus' token flow): the first tag's manifest, byte for byte
/// and with its media type, under the new tag; nothing when the tag names it already; a tag that redeploy policy
/// keeps is explained.
/// </summary>
public sealed class TaggingInTheRegistry : IAsyncLifetime
{
    private const string Repository = "platform/hello-service";
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:aaaa","size":1},"layers":[]}""";
    private const string OtherManifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:bbbb","size":1},"layers":[]}""";
    private readonly StringWriter _output = new();
    private FakeTokenRegistry _nexus = null!;

    public async Task InitializeAsync() => _nexus = await FakeTokenRegistry.StartAsync();

    [Fact]
    public async Task The_new_tag_names_the_same_manifest_bytes_with_their_media_type()
    {
        var pushed = Pushed(_nexus.AddManifest(Repository, "abc123", Manifest, OciManifest));
        using var registry = Registry();

        var tagged = await Pusher(registry).TagAsync(Repository, "1.0.0-abc123", pushed);

        tagged.Digest.ShouldBe(pushed.Digest);
        tagged.AlreadyPresent.ShouldBeFalse();
        var stored = (await registry.HeadManifestAsync(Repository, "1.0.0-abc123")).ShouldNotBeNull();
        stored.Digest.ShouldBe(pushed.Digest);
        stored.MediaType.ShouldBe(OciManifest);
        _nexus.Requests.Count(r => r == $"PUT /v2/{Repository}/manifests/1.0.0-abc123").ShouldBe(1);
        _output.ToString().ShouldContain($"Tagged {_nexus.Address}/{Repository}:1.0.0-abc123 in the registry ({pushed.Digest}), the manifest of :abc123");
    }

    [Fact]
    public async Task A_tag_that_names_the_manifest_already_is_left_alone()
    {
        var pushed = Pushed(_nexus.AddManifest(Repository, "abc123", Manifest, OciManifest));
        _nexus.AddManifest(Repository, "1.0.0-abc123", Manifest, OciManifest);
        using var registry = Registry();

        var tagged = await Pusher(registry).TagAsync(Repository, "1.0.0-abc123", pushed);

        tagged.AlreadyPresent.ShouldBeTrue();
        tagged.Digest.ShouldBe(pushed.Digest);
        _nexus.Requests.ShouldNotContain(r => r.StartsWith("PUT ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_that_disabled_redeploy_keeps_on_other_content_is_explained()
    {
        var pushed = Pushed(_nexus.AddManifest(Repository, "abc123", Manifest, OciManifest));
        _nexus.AddManifest(Repository, "1.0.0", OtherManifest, OciManifest);
        _nexus.RedeployDisabled = true;
        using var registry = Registry();

        var error = await Should.ThrowAsync<RegistryException>(() => Pusher(registry).TagAsync(Repository, "1.0.0", pushed));

        error.StatusCode.ShouldBe(400);
        error.Message.ShouldStartWith($"Tagging {_nexus.Address}/{Repository}@{pushed.Digest} as '1.0.0' failed: Registry {_nexus.Address} answered 400");
        error.Message.ShouldContain("Repository does not allow updating assets");
        error.Message.ShouldContain("The repository has redeploy disabled and already holds tag '1.0.0' with other content");
        (await registry.HeadManifestAsync(Repository, "1.0.0")).ShouldNotBeNull().Digest.ShouldNotBe(pushed.Digest);
    }

    private PushResult Pushed(string digest) => new($"{_nexus.Address}/{Repository}", "abc123", digest, Manifest.Length, AlreadyPresent: false, new Dictionary<string, string>());

    private RegistryClient Registry() => FakeNexusClients.Registry(_nexus);

    // Tagging talks to the registry only; the engine client is never connected.
    private ImagePusher Pusher(RegistryClient registry) => FakeNexusClients.PusherWithoutEngine(_nexus, registry, _output);

    public async Task DisposeAsync() => await _nexus.DisposeAsync();
}
