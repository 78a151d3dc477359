using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Secrets;
using Idp.Build.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>Every value read, the login token and the login credentials reach the engine's masker before anything else sees them.</summary>
public class MaskingWhatIsRead : FakeVaultScope
{
    [Fact]
    public async Task Values_read_are_masked_in_what_the_build_prints()
    {
        using var client = Client();
        var printed = new StringWriter();
        using var output = new MaskingWriter(printed, Masker);

        var value = await client.ReadSecretValueAsync(new VaultSecretReference("secret/data/ci/nexus", "password"));
        output.WriteLine($"docker login -u ci-pusher -p {value} nexus:8082");
        output.Complete();

        printed.ToString().ShouldBe($"docker login -u *** -p *** nexus:8082{Environment.NewLine}");
    }

    [Fact]
    public async Task Every_value_of_a_secret_is_registered_not_only_the_one_asked_for()
    {
        using var client = Client();

        await client.ReadSecretV1Async("ci/nexus", "kv");
        await client.ReadSecretV2Async("ci/nexus", version: 1);

        Masker.Apply($"{KvOnePassword} {OldNexusPassword}").ShouldBe("*** ***");
    }

    [Fact]
    public async Task Login_token_and_credentials_are_masked()
    {
        using var client = Client(new AppRoleAuthMethodInfo(RoleId, SecretId));

        Masker.Apply(SecretId).ShouldBe(SecretMasker.Mask);
        var auth = await client.LoginAsync();

        Masker.Apply($"X-Vault-Token: {auth.ClientToken}").ShouldBe("X-Vault-Token: ***");
        auth.ToString().ShouldNotContain(auth.ClientToken);
    }

    [Fact]
    public async Task Nothing_is_masked_before_a_value_is_read()
    {
        using var client = Client();

        Masker.Apply(NexusPassword).ShouldBe(NexusPassword);
        await client.ReadSecretV2Async("ci/nexus");
        Masker.Apply(NexusPassword).ShouldBe(SecretMasker.Mask);
    }

    [Fact]
    public async Task Numbers_are_masked_but_booleans_are_not()
    {
        Vault.WriteKv2("secret", "ci/flags", new { pin = 48151623, enabled = true });
        using var client = Client();

        var secret = await client.ReadSecretV2Async("ci/flags");

        secret.Data!.Data["pin"].ShouldBe("48151623");
        Masker.Apply("pin 48151623 enabled true").ShouldBe("pin *** enabled true");
    }
}
