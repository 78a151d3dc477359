using Idp.Build.Components.Deploy;
using Idp.Build.Components.Deploy.Manifests;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Tests.GoldenPath;

namespace Idp.Build.Components.Tests.Deploy;

/// <summary>Descriptors and images the deploy tests render: the sample service's own idp.yaml, and small variants.</summary>
internal static class DeployInputs
{
    public const string Commit = "4f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39";

    public static readonly string DigestA = "sha256:" + new string('a', 64);

    public static readonly string DigestB = "sha256:" + new string('b', 64);

    public static string ImageA => $"nexus.example.internal:5000/platform/hello-service@{DigestA}";

    public static string ImageB => $"nexus.example.internal:5000/platform/hello-service@{DigestB}";

    public static ServiceDescriptor Sample { get; } =
        ServiceDescriptorReader.Read(SampleRepository.RepositoryRoot / "samples" / "hello-service" / "idp.yaml");

    /// <summary>A descriptor of hello-service with one environment <c>dev</c> whose body is <paramref name="environmentYaml"/> (indented by 4).</summary>
    public static ServiceDescriptor WithDev(string environmentYaml) =>
        ServiceDescriptorReader.Parse(
            $"""
            apiVersion: idp.build/v1
            service:
              name: hello-service
              team: platform
              readinessPath: /health/ready
            environments:
              dev:
                namespace: platform-dev
            {Indent(environmentYaml)}
            """,
            Path.Combine(Path.GetTempPath(), "idp.yaml"));

    /// <summary>
    /// Every object a deploy can render for <c>dev</c>: Deployment, Service, a Route, and a Secret that holds
    /// <paramref name="secretValue"/> under <c>ConnectionStrings__Db</c> (secrets mode <c>kubernetes</c>).
    /// </summary>
    public static DeploymentManifests WithRouteAndSecret(string secretValue)
    {
        var descriptor = WithDev("""
            route: { host: hello-dev.apps.example.internal }
            secrets:
              mode: kubernetes
              role: hello-service
              values:
                - { name: ConnectionStrings__Db, path: secret/data/platform/hello/db, key: password }
            """);
        return ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit,
            new Dictionary<string, string> { ["ConnectionStrings__Db"] = secretValue });
    }

    private static string Indent(string yaml) =>
        string.Join("\n", yaml.Trim('\n').Split('\n').Select(l => "    " + l));
}
