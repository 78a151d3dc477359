using Idp.Build.Components.Deploy.Manifests;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>Secrets mode <c>agent</c>: Vault Agent Injector annotations on the pod template, no value anywhere.</summary>
public sealed class InjectingSecretsWithTheVaultAgent
{
    [Theory]
    [InlineData("dev")]
    [InlineData("production")]
    public void The_pod_template_carries_the_agent_annotations_for_each_value(string environment)
    {
        var deployment = ManifestRenderer.Render(Sample, Sample.GetEnvironment(environment), ImageA, Commit).Deployment;

        var annotations = deployment.Spec.Template.Metadata.Annotations;
        annotations["vault.hashicorp.com/agent-inject"].ShouldBe("true");
        annotations["vault.hashicorp.com/role"].ShouldBe("hello-service");
        annotations["vault.hashicorp.com/agent-inject-secret-HELLO_API_KEY"].ShouldBe("secret/data/platform/hello-service");
        annotations["vault.hashicorp.com/agent-inject-template-HELLO_API_KEY"].ShouldBe(
            "{{- with secret \"secret/data/platform/hello-service\" -}}{{ index .Data.data \"api-key\" }}{{- end }}");
        (deployment.Metadata.Annotations ?? new Dictionary<string, string>()).Keys.ShouldNotContain(k => k.StartsWith("vault.hashicorp.com/", StringComparison.Ordinal),
            "the injector reads the pod template's annotations, not the Deployment's");
    }

    [Fact]
    public void The_container_learns_where_the_agent_writes_the_files_and_references_no_Secret()
    {
        var manifests = ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), ImageA, Commit);

        manifests.Secret.ShouldBeNull();
        var env = manifests.Deployment.Spec.Template.Spec.Containers.Single().Env;
        env.ShouldContain(e => e.Name == "IDP_SECRETS_DIRECTORY" && e.Value == "/vault/secrets");
        env.ShouldNotContain(e => e.ValueFrom != null);
        env.ShouldNotContain(e => e.Name == "HELLO_API_KEY");
    }

    [Fact]
    public void A_KV_version_1_path_reads_the_key_from_the_secret_s_data_directly()
    {
        var descriptor = WithDev("""
            secrets:
              role: hello-service
              values:
                - { name: API_KEY, path: kv/platform/hello, key: token }
            """);

        var annotations = ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit)
            .Deployment.Spec.Template.Metadata.Annotations;

        annotations["vault.hashicorp.com/agent-inject-template-API_KEY"].ShouldBe(
            "{{- with secret \"kv/platform/hello\" -}}{{ index .Data \"token\" }}{{- end }}");
    }

    [Fact]
    public void An_environment_without_secrets_gets_no_agent()
    {
        var descriptor = WithDev("replicas: 1");

        var manifests = ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit);

        manifests.Deployment.Spec.Template.Metadata.Annotations.Keys.ShouldNotContain(k => k.StartsWith("vault.hashicorp.com/", StringComparison.Ordinal));
        manifests.Deployment.Spec.Template.Spec.Containers.Single().Env.ShouldNotContain(e => e.Name == "IDP_SECRETS_DIRECTORY");
    }

    [Fact]
    public void Values_given_for_an_agent_environment_are_refused_rather_than_written()
    {
        var error = Should.Throw<ArgumentException>(() => ManifestRenderer.Render(
            Sample, Sample.GetEnvironment("dev"), ImageA, Commit, new Dictionary<string, string> { ["HELLO_API_KEY"] = "s3cr3t-value" }));

        error.Message.ShouldContain("'agent'");
        error.Message.ShouldNotContain("s3cr3t-value");
    }
}
