using Idp.Build.Components.Deploy;
using Idp.Build.Components.Deploy.Manifests;
using k8s;
using k8s.Models;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>The YAML of a manifest file is the JSON the deploy applies, read back by any YAML parser as the same object.</summary>
public sealed class ManifestYamlText
{
    [Fact]
    public void Each_rendered_object_reads_back_as_the_JSON_the_deploy_applies()
    {
        var manifests = WithRouteAndSecret("Host=db");

        ReadBack<V1Deployment>(manifests.Deployment).ShouldBe(KubernetesJson.Serialize(manifests.Deployment));
        ReadBack<V1Service>(manifests.Service).ShouldBe(KubernetesJson.Serialize(manifests.Service));
        ReadBack<OpenShiftRoute>(manifests.Route!).ShouldBe(KubernetesJson.Serialize(manifests.Route));
        ReadBack<V1Secret>(manifests.Secret!).ShouldBe(KubernetesJson.Serialize(manifests.Secret));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("8080")]
    [InlineData("-1.5e3")]
    [InlineData("0x1F")]
    [InlineData("1_000")]
    [InlineData(".inf")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("12:30")]
    public void A_string_YAML_would_read_as_another_type_is_quoted_and_stays_a_string(string value)
    {
        var yaml = ManifestYaml.Serialize(ConfigMap(value));

        yaml.ShouldContain($"value: \"{value}\"");
        KubernetesYaml.Deserialize<V1ConfigMap>(yaml).Data["value"].ShouldBe(value);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("key: value # not a comment")]
    [InlineData("*not-an-alias")]
    [InlineData("{{- with secret \"a\" -}}{{ .Data }}{{- end }}")]
    [InlineData("two\nlines")]
    [InlineData("v1.2.3")]
    public void Any_other_string_reads_back_unchanged(string value)
    {
        var yaml = ManifestYaml.Serialize(ConfigMap(value));

        KubernetesYaml.Deserialize<V1ConfigMap>(yaml).Data["value"].ShouldBe(value);
    }

    [Fact]
    public void Numbers_and_booleans_stay_unquoted_and_the_file_ends_with_one_newline()
    {
        var yaml = ManifestYaml.Serialize(ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), ImageA, Commit).Deployment);

        yaml.ShouldStartWith("apiVersion: apps/v1\nkind: Deployment\n");
        yaml.ShouldContain("\n  replicas: 2\n");
        yaml.ShouldContain("\n          runAsNonRoot: true\n");
        yaml.ShouldEndWith("type: RuntimeDefault\n");
    }

    private static V1ConfigMap ConfigMap(string value) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = "values" },
        Data = new Dictionary<string, string> { ["value"] = value },
    };

    private static string ReadBack<T>(object kubernetesObject) =>
        KubernetesJson.Serialize(KubernetesYaml.Deserialize<T>(ManifestYaml.Serialize(kubernetesObject)));
}
