using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Idp.Build.Components.Secrets;
using Idp.Testing.Vault;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>A Vault whose certificate an internal CA signed: refused with a message that says how to trust the CA, accepted once it is given.</summary>
public sealed class TrustingVaultsCertificate : IAsyncLifetime
{
    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"idp-vault-ca-{Guid.NewGuid():N}.pem");
    private FakeVault _vault = null!;

    public async Task InitializeAsync()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Idp Test Internal CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(_caFile, ca.ExportCertificatePem());

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // Kestrel on Linux needs a certificate whose key it can load again, so go through PKCS#12.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        _vault = await FakeVault.StartAsync(certificate: server);
        _vault.EnableKv2("secret");
        _vault.WriteKv2("secret", "ci/nexus", new { password = "over-tls" });
    }

    public async Task DisposeAsync()
    {
        await _vault.DisposeAsync();
        File.Delete(_caFile);
    }

    [Fact]
    public async Task Untrusted_certificate_names_the_address_and_how_to_trust_the_ca()
    {
        using var client = new VaultClient(new VaultClientSettings(_vault.Address.AbsoluteUri, new TokenAuthMethodInfo(FakeVault.RootToken)));

        var error = await Should.ThrowAsync<VaultException>(() => client.ReadSecretV2Async("ci/nexus"));

        error.Message.ShouldStartWith($"The TLS handshake with Vault at {_vault.Address.AbsoluteUri.TrimEnd('/')} failed");
        error.Message.ShouldContain("--vault-ca-cert");
        error.Message.ShouldContain("update-ca-certificates");
        _vault.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Certificate_of_a_given_ca_is_trusted()
    {
        using var client = new VaultClient(new VaultClientSettings(_vault.Address.AbsoluteUri, new TokenAuthMethodInfo(FakeVault.RootToken)) { CaCertificateFile = _caFile });

        var secret = await client.ReadSecretV2Async("ci/nexus");

        _vault.Address.Scheme.ShouldBe("https");
        secret.Data!.Data["password"].ShouldBe("over-tls");
    }
}
