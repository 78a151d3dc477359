using Idp.Build.Components.Secrets;
using Idp.Build.Secrets;
using Idp.Testing.Vault;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>
/// A started fake Vault per test: KV v2 at <c>secret</c> with <c>ci/nexus</c> (two versions), KV v1 at <c>kv</c>
/// with <c>ci/nexus</c>, a policy <c>ci-read</c> on both, an AppRole, a GitLab JWT role and a Kubernetes role with it.
/// </summary>
public abstract class FakeVaultScope : IAsyncLifetime
{
    protected const string NexusPassword = "n3xus-Pa55-v2";
    protected const string OldNexusPassword = "n3xus-Pa55-v1";
    protected const string KvOnePassword = "kv1-Pa55word";
    protected const string RoleId = "6f3c1a9e-role-id";
    protected const string SecretId = "b1e0c6d2-secret-id";
    protected const string Audience = "https://vault.example.internal";

    internal ManualClock Clock { get; } = new();

    protected FakeVault Vault { get; private set; } = null!;

    internal SecretMasker Masker { get; } = new();

    protected string ReaderToken { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vault = await FakeVault.StartAsync(Clock);
        Vault.EnableKv2("secret");
        Vault.EnableKv1("kv");
        Vault.WriteKv2("secret", "ci/nexus", new { username = "ci-pusher", password = OldNexusPassword });
        Vault.WriteKv2("secret", "ci/nexus", new { username = "ci-pusher", password = NexusPassword });
        Vault.WriteKv1("kv", "ci/nexus", new { password = KvOnePassword });
        Vault.AddPolicy("ci-read", "secret/data/ci/*", "kv/ci/*");
        Vault.AddAppRole("ci-build", RoleId, SecretId, ["ci-read"]);
        Vault.AddJwtRole("ci-deploy", Audience, new Dictionary<string, string> { ["project_id"] = "42", ["ref"] = "main" }, ["ci-read"]);
        Vault.AddKubernetesRole("web", "web", "payments-dev", ["ci-read"]);
        ReaderToken = Vault.CreateToken(["ci-read"]);
    }

    public async Task DisposeAsync() => await Vault.DisposeAsync();

    /// <summary>A GitLab id_token for project 42 on main, with the role's audience unless told otherwise.</summary>
    protected static string GitLabIdToken(string audience = Audience, string gitRef = "main") =>
        FakeVault.Jwt(new { iss = "https://gitlab.example.com", aud = audience, project_id = "42", @ref = gitRef, ref_type = "branch", sub = $"project_path:platform/orders:ref_type:branch:ref:{gitRef}" });

    protected static string ServiceAccountToken(string name = "web", string ns = "payments-dev") =>
        FakeVault.Jwt(new { iss = "kubernetes/serviceaccount", sub = $"system:serviceaccount:{ns}:{name}" });

    /// <summary>A client against the fake with fast retries, registering with <see cref="Masker"/>.</summary>
    protected VaultClient Client(AuthMethodInfo? auth = null, string? ns = null, int retries = 2) =>
        new(new VaultClientSettings(Vault.Address.AbsoluteUri, auth ?? new TokenAuthMethodInfo(ReaderToken))
        {
            Namespace = ns,
            RegisterSecret = Masker.Register,
            TimeProvider = Clock,
            Retry = new VaultRetryPolicy { MaxRetries = retries, FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });

    /// <summary>The requests after the fake's start, as <c>METHOD /path</c>.</summary>
    protected IReadOnlyList<string> Requests => Vault.Requests.Select(r => r.ToString()).ToArray();
}
