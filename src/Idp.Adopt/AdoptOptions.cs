namespace Idp.Adopt;

/// <summary>What the command line asked for.</summary>
/// <param name="DryRun">Print the detection and the plan, write nothing.</param>
/// <param name="Force">Overwrite golden-path files that already exist (never an existing CI file, Dockerfile or nuget.config).</param>
/// <param name="Solution">The solution to adopt when the repository has several, relative to the repository root.</param>
/// <param name="Project">The web project to ship when the solution has several.</param>
/// <param name="Team">The owning team; null to read it from the Git remote.</param>
/// <param name="Ci">The CI files to write; null for those the repository already has, else GitLab.</param>
/// <param name="SdkVersion">The version of the Idp.Build packages the build project references.</param>
/// <param name="Feed">The NuGet feed (URL or absolute folder) of the Idp.* packages, written to a new nuget.config.</param>
/// <param name="Help">Print the help and do nothing else.</param>
public sealed partial record AdoptOptions(
    bool DryRun = false,
    bool Force = false,
    string? Solution = null,
    string? Project = null,
    string? Team = null,
    CiChoice? Ci = null,
    string? SdkVersion = null,
    string Feed = AdoptOptions.DefaultFeed,
    bool Help = false)
{
    /// <summary>The platform's feed of the Idp.* packages (the idp-service template's default).</summary>
    public const string DefaultFeed = "https://nexus.example.internal/repository/nuget-idp/index.json";

    /// <summary>The feed of every other package.</summary>
    public const string UpstreamFeed = "https://api.nuget.org/v3/index.json";
}
