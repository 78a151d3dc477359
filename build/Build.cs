using Idp.Build;

namespace Idp.Build.Repository;

/// <summary>This repository's own build, written with the engine it builds.</summary>
partial class Build : IdpBuild
{
    public static int Main() => Execute<Build>(x => x.Compile);

    [Parameter("Debug or Release (default: Release)")]
    readonly string Configuration = "Release";

    AbsolutePath Solution => RootDirectory / "Idp.Build.sln";
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";
}
