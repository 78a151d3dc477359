using System.Collections.Immutable;
using Idp.Build.Processes;

namespace Idp.Build.Tools;

/// <summary>
/// What every <c>dotnet</c> command shares. Settings are immutable records: each <c>Set…</c> returns a changed copy,
/// so a component's base settings and a team's <see cref="Configure{T}"/> hook compose with <c>Apply</c>.
/// </summary>
public abstract record DotNetSettings
{
    /// <summary>The project or solution file; default: what dotnet finds in the working directory.</summary>
    public string? ProjectFile { get; init; }

    public string? Configuration { get; init; }

    public string? Framework { get; init; }

    public string? Verbosity { get; init; }

    public bool NoRestore { get; init; }

    /// <summary>MSBuild properties, passed as <c>-p:Name=Value</c>.</summary>
    public ImmutableSortedDictionary<string, string> Properties { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Anything else, passed through as written.</summary>
    public ImmutableList<string> ExtraArguments { get; init; } = [];

    public ProcessOptions Process { get; init; } = new();

    /// <summary>The <c>dotnet</c> command: "build", "test", …</summary>
    protected abstract string Command { get; }

    /// <summary>The command's own arguments, after the project.</summary>
    protected abstract IEnumerable<string> CommandArguments();

    /// <summary>Arguments that must come last, after everything a hook may add (e.g. <c>-- RunSettings</c>).</summary>
    protected virtual IEnumerable<string> TrailingArguments() => [];

    internal IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { Command };
        if (ProjectFile is not null)
            arguments.Add(ProjectFile);
        if (Configuration is not null)
            arguments.AddRange(["--configuration", Configuration]);
        if (Framework is not null)
            arguments.AddRange(["--framework", Framework]);
        if (Verbosity is not null)
            arguments.AddRange(["--verbosity", Verbosity]);
        if (NoRestore)
            arguments.Add("--no-restore");
        arguments.AddRange(CommandArguments());
        arguments.AddRange(Properties.Select(p => $"-p:{p.Key}={p.Value}"));
        arguments.AddRange(ExtraArguments);
        arguments.AddRange(TrailingArguments());
        return arguments;
    }
}

/// <summary><c>dotnet restore</c>.</summary>
public sealed record DotNetRestoreSettings : DotNetSettings
{
    protected override string Command => "restore";
    protected override IEnumerable<string> CommandArguments() => [];
}

/// <summary><c>dotnet build</c>.</summary>
public sealed record DotNetBuildSettings : DotNetSettings
{
    public string? OutputDirectory { get; init; }
    public bool NoIncremental { get; init; }
    protected override string Command => "build";

    protected override IEnumerable<string> CommandArguments()
    {
        if (OutputDirectory is not null)
            yield return "--output=" + OutputDirectory;
        if (NoIncremental)
            yield return "--no-incremental";
        yield return "-nologo";
    }
}

/// <summary><c>dotnet test</c>.</summary>
public sealed record DotNetTestSettings : DotNetSettings
{
    public bool NoBuild { get; init; }
    public string? Filter { get; init; }
    public string? ResultsDirectory { get; init; }
    public ImmutableList<string> Loggers { get; init; } = [];
    public ImmutableList<string> DataCollectors { get; init; } = [];
    public string? Settings { get; init; }

    /// <summary>RunSettings overrides, passed after <c>--</c> as <c>Path.To.Element=value</c>.</summary>
    public ImmutableList<string> RunSettings { get; init; } = [];

    protected override string Command => "test";

    protected override IEnumerable<string> TrailingArguments() => RunSettings.Count == 0 ? [] : ["--", .. RunSettings];

    protected override IEnumerable<string> CommandArguments()
    {
        if (NoBuild)
            yield return "--no-build";
        if (Filter is not null)
        {
            yield return "--filter";
            yield return Filter;
        }
        if (ResultsDirectory is not null)
        {
            yield return "--results-directory";
            yield return ResultsDirectory;
        }
        foreach (var logger in Loggers)
        {
            yield return "--logger";
            yield return logger;
        }
        foreach (var collector in DataCollectors)
        {
            yield return "--collect";
            yield return collector;
        }
        if (Settings is not null)
        {
            yield return "--settings";
            yield return Settings;
        }
    }
}

/// <summary><c>dotnet pack</c>.</summary>
public sealed record DotNetPackSettings : DotNetSettings
{
    public string? OutputDirectory { get; init; }
    public bool NoBuild { get; init; }
    public string? Version { get; init; }
    protected override string Command => "pack";

    protected override IEnumerable<string> CommandArguments()
    {
        if (OutputDirectory is not null)
            yield return "--output=" + OutputDirectory;
        if (NoBuild)
            yield return "--no-build";
        if (Version is not null)
            yield return "-p:Version=" + Version;
        yield return "-nologo";
    }
}

/// <summary><c>dotnet publish</c>.</summary>
public sealed record DotNetPublishSettings : DotNetSettings
{
    public string? OutputDirectory { get; init; }
    public bool NoBuild { get; init; }
    public string? Runtime { get; init; }
    public bool? SelfContained { get; init; }
    protected override string Command => "publish";

    protected override IEnumerable<string> CommandArguments()
    {
        if (OutputDirectory is not null)
            yield return "--output=" + OutputDirectory;
        if (NoBuild)
            yield return "--no-build";
        if (Runtime is not null)
        {
            yield return "--runtime";
            yield return Runtime;
        }
        if (SelfContained is { } selfContained)
            yield return selfContained ? "--self-contained" : "--no-self-contained";
        yield return "-nologo";
    }
}
