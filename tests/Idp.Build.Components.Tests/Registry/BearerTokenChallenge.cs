using Idp.Build.Components.Registry;
using Idp.Testing.Docker;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>The registry client answers Nexus' Bearer challenge with a token fetched with Basic credentials, and retries 503s.</summary>
public sealed class BearerTokenChallenge : IAsyncLifetime
{
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"sha256:aaaa","size":1},"layers":[]}""";
    private FakeTokenRegistry _nexus = null!;

    public async Task InitializeAsync() => _nexus = await FakeTokenRegistry.StartAsync();

    [Fact]
    public async Task A_manifest_is_read_after_fetching_a_token_for_the_repository_scope()
    {
        var digest = _nexus.AddManifest("platform/hello-service", "abc123", Manifest);
        using var client = new RegistryClient(RegistryHost.Of(_nexus.Address), new RegistryCredentials(_nexus.Username, _nexus.Password));

        var found = await client.HeadManifestAsync("platform/hello-service", "abc123");
        var missing = await client.HeadManifestAsync("platform/hello-service", "nope");

        found.ShouldNotBeNull().Digest.ShouldBe(digest);
        missing.ShouldBeNull();
        _nexus.Requests.ShouldContain(r => r.StartsWith("GET /v2/token?", StringComparison.Ordinal)
            && r.Contains("scope=repository%3Aplatform%2Fhello-service%3Apull%2Cpush", StringComparison.Ordinal)
            && r.Contains("account=deployer", StringComparison.Ordinal));
        _nexus.Requests.Count(r => r.StartsWith("GET /v2/token", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_token_request_fails_at_once_naming_registry_and_user()
    {
        using var client = new RegistryClient(RegistryHost.Of(_nexus.Address), new RegistryCredentials("deployer", "wrong"));

        var error = await Should.ThrowAsync<RegistryAuthenticationException>(() => client.CheckAccessAsync("platform/hello-service"));

        error.Message.ShouldStartWith($"Registry {_nexus.Address} refused user 'deployer' (401 Unauthorized) at its token endpoint http://{_nexus.Address}/v2/token.");
        _nexus.Requests.Count(r => r.StartsWith("GET /v2/token", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Service_unavailable_answers_are_retried_until_the_registry_recovers()
    {
        _nexus.AddManifest("platform/hello-service", "abc123", Manifest);
        _nexus.FailNext(2);
        var retries = new List<string>();
        using var client = new RegistryClient(RegistryHost.Of(_nexus.Address), new RegistryCredentials(_nexus.Username, _nexus.Password),
            [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)])
        { Retried = retries.Add };

        var found = await client.HeadManifestAsync("platform/hello-service", "abc123");

        found.ShouldNotBeNull();
        retries.Count.ShouldBe(2);
        retries[0].ShouldContain("503");
    }

    public async Task DisposeAsync() => await _nexus.DisposeAsync();
}
