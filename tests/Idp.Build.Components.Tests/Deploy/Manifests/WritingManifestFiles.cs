using Idp.Build.Components.Deploy;
using Idp.Build.Components.Deploy.Manifests;
using k8s;
using k8s.Models;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>artifacts/manifests/&lt;env&gt;/: one YAML file per object, secrets redacted, nothing stale.</summary>
public sealed class WritingManifestFiles : IDisposable
{
    private const string SecretValue = "Host=db;Password=pa55word";

    private readonly AbsolutePath _directory = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "idp-manifests-" + Guid.NewGuid().ToString("N"), "dev"));

    public void Dispose() => Directory.Delete(_directory.Parent!, recursive: true);

    private static DeploymentManifests WithSecret() => WithRouteAndSecret(SecretValue);

    private string[] FileNames() => Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Each_object_gets_its_own_file_that_reads_back_as_the_object()
    {
        var manifests = ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), ImageA, Commit);

        var written = ManifestWriter.Write(manifests, _directory);

        written.Select(p => p.Name).ShouldBe(["deployment.yaml", "service.yaml", "route.yaml"]);
        FileNames().ShouldBe(["deployment.yaml", "route.yaml", "service.yaml"]);
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(File.ReadAllText(_directory / "deployment.yaml"));
        deployment.Spec.Template.Spec.Containers.Single().Image.ShouldBe(ImageA);
        KubernetesYaml.Deserialize<V1Service>(File.ReadAllText(_directory / "service.yaml")).Spec.Ports.Single().Name.ShouldBe("http");
        var route = File.ReadAllText(_directory / "route.yaml");
        route.ShouldStartWith("apiVersion: route.openshift.io/v1\nkind: Route\n");
        route.ShouldContain("host: hello-service-dev.apps.example.internal");
        route.ShouldContain("termination: edge");
    }

    [Fact]
    public void The_secret_file_lists_the_keys_and_no_value_reaches_the_disk()
    {
        ManifestWriter.Write(WithSecret(), _directory);

        FileNames().ShouldBe(["deployment.yaml", "route.yaml", "secret.yaml", "service.yaml"]);
        var secret = File.ReadAllText(_directory / "secret.yaml");
        secret.ShouldContain("ConnectionStrings__Db: <redacted>");
        secret.ShouldStartWith("# The values are redacted");
        foreach (var file in Directory.GetFiles(_directory))
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain("pa55word", customMessage: file);
            text.ShouldNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SecretValue)), customMessage: file);
        }
    }

    [Fact]
    public void Writing_leaves_the_rendered_Secret_itself_unchanged()
    {
        var manifests = WithSecret();

        ManifestWriter.Write(manifests, _directory);

        manifests.Secret!.StringData["ConnectionStrings__Db"].ShouldBe(SecretValue);
    }

    [Fact]
    public void Files_of_objects_no_longer_rendered_are_removed()
    {
        ManifestWriter.Write(WithSecret(), _directory);
        var withoutRouteOrSecret = WithDev("replicas: 1");

        ManifestWriter.Write(ManifestRenderer.Render(withoutRouteOrSecret, withoutRouteOrSecret.GetEnvironment("dev"), ImageA, Commit), _directory);

        FileNames().ShouldBe(["deployment.yaml", "service.yaml"]);
    }

    [Fact]
    public void The_same_input_writes_the_same_bytes()
    {
        ManifestWriter.Write(ManifestRenderer.Render(Sample, Sample.GetEnvironment("production"), ImageA, Commit), _directory);
        var first = FileNames().ToDictionary(f => f, f => File.ReadAllText(_directory / f));

        ManifestWriter.Write(ManifestRenderer.Render(Sample, Sample.GetEnvironment("production"), ImageA, Commit), _directory);

        FileNames().ToDictionary(f => f, f => File.ReadAllText(_directory / f)).ShouldBe(first);
    }
}
