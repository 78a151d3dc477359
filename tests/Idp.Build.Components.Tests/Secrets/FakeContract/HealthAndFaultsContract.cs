namespace Idp.Build.Components.Tests.Secrets.FakeContract;

/// <summary>The fake's sys/health matrix, sealed state, namespaces, injected faults and request log (api-contracts.md §1.1, §1.6).</summary>
public class HealthAndFaultsContract : FakeVaultScope
{
    [Fact]
    public async Task Health_of_an_active_node_is_200_with_its_state()
    {
        using var raw = new RawVault(Vault.Address);

        var (status, body, _) = await raw.GetAsync("/v1/sys/health");

        status.ShouldBe(200);
        body.GetProperty("initialized").GetBoolean().ShouldBeTrue();
        body.GetProperty("sealed").GetBoolean().ShouldBeFalse();
        body.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("sealed", "", 503)]
    [InlineData("sealed", "?sealedcode=200", 200)]
    [InlineData("standby", "", 429)]
    [InlineData("standby", "?standbyok=true", 200)]
    [InlineData("perfstandby", "", 473)]
    [InlineData("perfstandby", "?perfstandbyok=true", 200)]
    [InlineData("uninitialized", "", 501)]
    public async Task Health_status_follows_the_node_state_and_the_query_overrides(string state, string query, int expected)
    {
        Vault.Sealed = state == "sealed";
        Vault.Standby = state == "standby";
        Vault.PerformanceStandby = state == "perfstandby";
        Vault.Initialized = state != "uninitialized";
        using var raw = new RawVault(Vault.Address);

        var (status, _, _) = await raw.GetAsync("/v1/sys/health" + query);

        status.ShouldBe(expected);
    }

    [Fact]
    public async Task Sealed_vault_answers_every_request_503()
    {
        Vault.Sealed = true;
        using var raw = new RawVault(Vault.Address, ReaderToken);

        var (status, body, _) = await raw.GetAsync("/v1/secret/data/ci/nexus");

        status.ShouldBe(503);
        body.GetProperty("errors")[0].GetString().ShouldBe("Vault is sealed");
    }

    [Fact]
    public async Task Namespace_header_is_the_same_as_a_path_prefix()
    {
        Vault.EnableKv2("payments/secret");
        Vault.WriteKv2("payments/secret", "ci/nexus", new { password = "in-namespace" });
        Vault.AddPolicy("ns-read", "payments/secret/data/*");
        var token = Vault.CreateToken(["ns-read"]);
        using var withHeader = new RawVault(Vault.Address, token, ns: "payments/");
        using var withPrefix = new RawVault(Vault.Address, token);

        var (headerStatus, headerBody, _) = await withHeader.GetAsync("/v1/secret/data/ci/nexus");
        var (prefixStatus, prefixBody, _) = await withPrefix.GetAsync("/v1/payments/secret/data/ci/nexus");
        var (rootStatus, _, _) = await withPrefix.GetAsync("/v1/secret/data/ci/nexus");

        headerStatus.ShouldBe(200);
        prefixStatus.ShouldBe(200);
        headerBody.GetProperty("data").GetProperty("data").GetProperty("password").GetString().ShouldBe("in-namespace");
        prefixBody.GetProperty("data").GetProperty("data").GetProperty("password").GetString().ShouldBe("in-namespace");
        rootStatus.ShouldBe(403);
    }

    [Fact]
    public async Task Injected_failures_answer_the_next_requests_then_the_fake_serves_again()
    {
        Vault.FailNext(2, 502);
        using var raw = new RawVault(Vault.Address, ReaderToken, ns: "team/");

        var first = await raw.GetAsync("/v1/sys/health");
        var second = await raw.GetAsync("/v1/sys/health");
        var third = await raw.GetAsync("/v1/sys/health");

        (first.Status, second.Status, third.Status).ShouldBe((502, 502, 200));
        first.Body.GetProperty("errors").GetArrayLength().ShouldBe(1);
        Vault.Requests.Count.ShouldBe(3);
        Vault.Requests[0].Namespace.ShouldBe("team/");
        Vault.Requests[0].Token.ShouldBe(ReaderToken);
    }
}
