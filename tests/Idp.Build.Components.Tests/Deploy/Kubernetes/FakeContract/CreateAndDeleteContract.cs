using System.Text.Json.Nodes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>POST creates (201, then 409 AlreadyExists) and DELETE removes, with Status bodies as the contract lists them.</summary>
public class CreateAndDeleteContract : FakeKubernetesScope
{
    private static JsonObject Secret() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "db" },
        ["stringData"] = new JsonObject { ["password"] = "s3cret" },
    };

    [Fact]
    public async Task Creating_answers_201_and_stores_string_data_as_base64_data()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.SendAsync(HttpMethod.Post, "/api/v1/namespaces/shop/secrets", Secret().ToJsonString());

        status.ShouldBe(201);
        ((string?)body["data"]!["password"]).ShouldBe(Convert.ToBase64String("s3cret"u8.ToArray()));
        body["stringData"].ShouldBeNull();
        ((string?)body["type"]).ShouldBe("Opaque");
    }

    [Fact]
    public async Task Creating_twice_is_409_already_exists()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.SendAsync(HttpMethod.Post, "/api/v1/namespaces/shop/secrets", Secret().ToJsonString());

        var (status, body) = await raw.SendAsync(HttpMethod.Post, "/api/v1/namespaces/shop/secrets", Secret().ToJsonString());

        status.ShouldBe(409);
        ((string?)body["reason"]).ShouldBe("AlreadyExists");
        ((string?)body["message"]).ShouldBe("secrets \"db\" already exists");
    }

    [Fact]
    public async Task Deleting_removes_the_object()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.SendAsync(HttpMethod.Post, "/api/v1/namespaces/shop/secrets", Secret().ToJsonString());

        var (deleted, _) = await raw.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/shop/secrets/db");
        var (after, _) = await raw.GetAsync("/api/v1/namespaces/shop/secrets/db");

        deleted.ShouldBe(200);
        after.ShouldBe(404);
    }
}
