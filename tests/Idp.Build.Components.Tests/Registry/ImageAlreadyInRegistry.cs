using Idp.Build.Components.Registry;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>
/// A push is skipped when the manifest under the tag names the built image's config (the engine's image ID), whoever
/// pushed it; the engine is not asked about an image the build just made.
/// </summary>
public sealed class ImageAlreadyInRegistry : IAsyncLifetime
{
    private const string Repository = "platform/hello-service";
    private const string ImageId = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111","size":1},"layers":[]}""";
    private const string OtherManifest = """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222","size":1},"layers":[]}""";
    private readonly StringWriter _output = new();
    private FakeTokenRegistry _nexus = null!;

    public async Task InitializeAsync() => _nexus = await FakeTokenRegistry.StartAsync();

    [Fact]
    public async Task A_manifest_naming_the_built_config_is_already_present_and_gives_the_next_tag_its_bytes()
    {
        var digest = _nexus.AddManifest(Repository, "abc123", Manifest);
        using var registry = Registry();
        var pusher = Pusher(registry);

        var pushed = await pusher.PushAsync(Repository, "abc123", ImageId);
        var tagged = await pusher.TagAsync(Repository, "1.0.0-abc123", pushed);

        pushed.AlreadyPresent.ShouldBeTrue();
        pushed.Digest.ShouldBe(digest);
        tagged.Digest.ShouldBe(digest);
        _output.ToString().ShouldContain($"{_nexus.Address}/{Repository}:abc123 is already present in the registry ({digest}); nothing pushed.");
        // The tag's manifest was read once, by the check; the new tag is stored from those bytes.
        _nexus.Requests.Count(r => r.StartsWith($"GET /v2/{Repository}/manifests/", StringComparison.Ordinal)).ShouldBe(1);
        (await registry.HeadManifestAsync(Repository, "1.0.0-abc123")).ShouldNotBeNull().Digest.ShouldBe(digest);
    }

    [Fact]
    public async Task A_manifest_of_another_image_under_the_tag_is_pushed_over_through_the_engine()
    {
        _nexus.AddManifest(Repository, "abc123", OtherManifest);
        using var registry = Registry();

        // The engine client points at no socket: reaching it proves the push was attempted.
        var error = await Should.ThrowAsync<Exception>(() => Pusher(registry).PushAsync(Repository, "abc123", ImageId));

        error.ShouldNotBeOfType<RegistryException>();
        _output.ToString().ShouldNotContain("already present");
    }

    public async Task DisposeAsync() => await _nexus.DisposeAsync();

    private RegistryClient Registry() => FakeNexusClients.Registry(_nexus);

    private ImagePusher Pusher(RegistryClient registry) => FakeNexusClients.PusherWithoutEngine(_nexus, registry, _output);
}
