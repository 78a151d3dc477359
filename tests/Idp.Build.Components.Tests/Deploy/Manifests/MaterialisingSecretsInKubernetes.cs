using Idp.Build.Components.Deploy.Manifests;
using Idp.Build.Components.Descriptor;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>Secrets mode <c>kubernetes</c>: a Secret with the values, referenced by the container.</summary>
public sealed class MaterialisingSecretsInKubernetes
{
    private static readonly ServiceDescriptor Descriptor = WithDev("""
        secrets:
          mode: kubernetes
          role: hello-service
          values:
            - { name: ConnectionStrings__Db, path: secret/data/platform/hello/db, key: password }
            - { name: API_KEY, path: secret/data/platform/hello/api, key: key }
        """);

    private static readonly Dictionary<string, string> Values = new()
    {
        ["ConnectionStrings__Db"] = "Host=db;Password=pa55word",
        ["API_KEY"] = "k-123",
    };

    private static Components.Deploy.DeploymentManifests Render(IReadOnlyDictionary<string, string> values) =>
        ManifestRenderer.Render(Descriptor, Descriptor.GetEnvironment("dev"), ImageA, Commit, values);

    [Fact]
    public void The_values_go_into_a_Secret_of_the_service()
    {
        var secret = Render(Values).Secret.ShouldNotBeNull();

        (secret.ApiVersion, secret.Kind, secret.Type).ShouldBe(("v1", "Secret", "Opaque"));
        (secret.Metadata.Name, secret.Metadata.NamespaceProperty).ShouldBe(("hello-service-secrets", "platform-dev"));
        secret.StringData.ShouldBe(Values, ignoreOrder: true);
    }

    [Fact]
    public void The_container_reads_each_value_from_the_Secret_by_name()
    {
        var env = Render(Values).Deployment.Spec.Template.Spec.Containers.Single().Env;

        var references = env.Where(e => e.ValueFrom?.SecretKeyRef != null)
            .Select(e => $"{e.Name}<-{e.ValueFrom.SecretKeyRef.Name}/{e.ValueFrom.SecretKeyRef.Key}");
        references.ShouldBe(["ConnectionStrings__Db<-hello-service-secrets/ConnectionStrings__Db", "API_KEY<-hello-service-secrets/API_KEY"]);
        env.ShouldNotContain(e => e.Value == "k-123");
    }

    [Fact]
    public void A_changed_value_changes_the_pod_template_so_the_pods_roll_without_revealing_it()
    {
        var before = Render(Values).Deployment.Spec.Template.Metadata.Annotations["idp.build/secret-checksum"];
        var after = Render(new Dictionary<string, string>(Values) { ["API_KEY"] = "k-456" }).Deployment.Spec.Template.Metadata.Annotations["idp.build/secret-checksum"];

        after.ShouldNotBe(before);
        before.ShouldStartWith("sha256:");
        before.ShouldNotContain("k-123");
        Render(Values).Deployment.Spec.Template.Metadata.Annotations["idp.build/secret-checksum"].ShouldBe(before);
        Render(Values).Deployment.Spec.Template.Metadata.Annotations.Keys.ShouldNotContain(k => k.StartsWith("vault.hashicorp.com/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_value_fails_naming_it()
    {
        var error = Should.Throw<ArgumentException>(() => Render(new Dictionary<string, string> { ["API_KEY"] = "k-123" }));

        error.Message.ShouldContain("ConnectionStrings__Db");
        error.Message.ShouldNotContain("k-123");
    }
}
