using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// The bootstrappers find the build's inputs from its project references, so every repository — this one, the
/// sample service, a scaffolded service — carries the same two files. A copy that drifts is caught here.
/// </summary>
public class OneScriptForEveryRepository
{
    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    public void The_sample_service_carries_the_repository_bootstrapper_unchanged(string script)
    {
        var sample = File.ReadAllText(Repository.Root / "samples" / "hello-service" / script);

        sample.ShouldBe(File.ReadAllText(Repository.Root / script), $"samples/hello-service/{script} differs from ./{script}: copy it again.");
    }
}
