using Idp.Templates.Tests.Support;

namespace Idp.Templates.Tests;

/// <summary>
/// The one slow test: a generated repository compiles and passes its tests with the SDK packages from a feed, with
/// no edit. Restore needs no network: the SDK comes from the folder feed, everything else from the NuGet cache.
/// The Docker targets (DockerBuild, Push, Deploy) are left to the demo (RunningTheDemo).
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class GeneratedRepositoryBuilds(TemplateHive templates)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Build_sh_Compile_Test_passes_with_the_sdk_from_the_feed()
    {
        using var feed = new SdkFeed();
        using var generated = templates.New("-n", "Payments.Api", "--team", "payments", "--sdkVersion", feed.Version, "--feed", feed.Directory);
        generated.Result.ShouldSucceed();

        var build = Command.Run(generated.PathOf("Payments.Api/build.sh"), ["Compile", "Test"], generated.PathOf("Payments.Api"), TimeSpan.FromMinutes(10));

        build.ShouldSucceed();
        build.Output.ShouldContain("Tests: 4 passed, 0 failed");
        generated.Read("Payments.Api/build/obj/project.assets.json")
            .ShouldContain($"\"Idp.Build.Components/{feed.Version}\"", Case.Sensitive, "the build project runs on the SDK packed for this test");
    }
}
