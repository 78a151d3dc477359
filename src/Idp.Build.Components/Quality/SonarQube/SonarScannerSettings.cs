using System.Collections.Immutable;

namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>How <see cref="SonarScanner"/> starts SonarScanner for .NET.</summary>
public enum SonarScannerTool
{
    /// <summary><c>dotnet tool run dotnet-sonarscanner -- …</c>: the repository's tool manifest pins the version (restore it with <c>dotnet tool restore</c>).</summary>
    LocalTool,

    /// <summary><c>dotnet sonarscanner …</c>: a global install (<c>dotnet tool install --global dotnet-sonarscanner</c>).</summary>
    GlobalTool,
}

/// <summary>
/// What the scanner's <c>begin</c> and <c>end</c> steps are given. An immutable record: a team changes it through a
/// settings hook with <c>s =&gt; s with { … }</c>.
/// </summary>
public sealed record SonarScannerSettings
{
    /// <summary>The SonarQube project key (<c>/k:</c>): letters, digits, <c>-</c>, <c>_</c>, <c>.</c> and <c>:</c>, at least one non-digit.</summary>
    public required string ProjectKey { get; init; }

    /// <summary>The server (<c>sonar.host.url</c>).</summary>
    public required Uri HostUrl { get; init; }

    /// <summary>The token (<c>sonar.token</c>, given to <c>begin</c> and to <c>end</c>); never printed.</summary>
    public string? Token { get; init; }

    /// <summary>The version of the project the analysis is recorded under (<c>/v:</c>).</summary>
    public string? Version { get; init; }

    /// <summary>The branch or merge request analysed; null for the server's main branch.</summary>
    public SonarBranch? Branch { get; init; }

    /// <summary>
    /// The golden path's artifacts directory; when set, coverage is read from <c>coverage/*.opencover.xml</c> and
    /// test results from <c>test-results/*.trx</c> under it, unless the report paths below say otherwise.
    /// </summary>
    public string? ArtifactsDirectory { get; init; }

    /// <summary>OpenCover reports (<c>sonar.cs.opencover.reportsPaths</c>; wildcards allowed); null: from <see cref="ArtifactsDirectory"/>.</summary>
    public IReadOnlyList<string>? CoverageReportPaths { get; init; }

    /// <summary>VSTest <c>.trx</c> results (<c>sonar.cs.vstest.reportsPaths</c>; wildcards allowed); null: from <see cref="ArtifactsDirectory"/>.</summary>
    public IReadOnlyList<string>? TestReportPaths { get; init; }

    /// <summary>Further analysis properties for <c>begin</c>, passed as <c>/d:key=value</c>.</summary>
    public ImmutableSortedDictionary<string, string> Properties { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>How the scanner is started; default: the repository's local tool.</summary>
    public SonarScannerTool Tool { get; init; } = SonarScannerTool.LocalTool;

    /// <summary>Where the scanner runs; <c>begin</c>, the build and <c>end</c> must share it. Default: the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Stop a step that runs longer than this; default: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Write the scanner's output to the build output as it arrives.</summary>
    public bool LogOutput { get; init; } = true;

    /// <summary>The OpenCover report paths in effect.</summary>
    public IReadOnlyList<string> EffectiveCoverageReportPaths =>
        CoverageReportPaths ?? (ArtifactsDirectory is null ? [] : [Path.Combine(ArtifactsDirectory, "coverage", "*.opencover.xml")]);

    /// <summary>The <c>.trx</c> paths in effect.</summary>
    public IReadOnlyList<string> EffectiveTestReportPaths =>
        TestReportPaths ?? (ArtifactsDirectory is null ? [] : [Path.Combine(ArtifactsDirectory, "test-results", "*.trx")]);
}
