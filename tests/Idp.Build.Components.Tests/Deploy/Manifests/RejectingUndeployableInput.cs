using Idp.Build.Components.Deploy.Manifests;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>Inputs that must not reach a cluster fail before anything is rendered, saying what to give instead.</summary>
public sealed class RejectingUndeployableInput
{
    [Theory]
    [InlineData("nexus.example.internal:5000/platform/hello-service:1.0.0")]
    [InlineData("nexus.example.internal:5000/platform/hello-service:latest")]
    [InlineData("nexus.example.internal:5000/platform/hello-service@sha256:abc")]
    public void An_image_not_pinned_by_digest(string image)
    {
        var error = Should.Throw<ArgumentException>(() => ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), image, Commit));

        error.Message.ShouldContain(image);
        error.Message.ShouldContain("@sha256:");
    }

    [Fact]
    public void The_local_environment()
    {
        var error = Should.Throw<ArgumentException>(() => ManifestRenderer.Render(Sample, Sample.GetEnvironment("local"), ImageA, Commit));

        error.Message.ShouldContain("'local'");
        error.Message.ShouldContain("namespace");
    }

    [Theory]
    [InlineData("")]
    [InlineData("feature/new thing")]
    [InlineData("-starts-with-a-dash")]
    public void A_version_that_cannot_be_a_label_value(string version)
    {
        var error = Should.Throw<ArgumentException>(() => ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), ImageA, version));

        error.Message.ShouldContain("label value");
    }
}
