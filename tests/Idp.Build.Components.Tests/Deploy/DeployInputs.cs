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

    private static string Indent(string yaml) =>
        string.Join("\n", yaml.Trim('\n').Split('\n').Select(l => "    " + l));
}
