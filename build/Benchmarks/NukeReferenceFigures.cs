namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// NUKE 10.1's figures as issue #2 reports them (built from source and measured on a machine of this kind). They
/// are quoted, not measured: NUKE's packages are not available here. They sit in the suite so every engine run
/// is read next to what it replaces.
/// </summary>
static class NukeReferenceFigures
{
    private const string Source = "reported in issue #2, measured elsewhere (NUKE 10.1 built from source); not measured here: NUKE is not available";

    public static IReadOnlyList<Figure> All { get; } =
    [
        Figure.Reported("nuke-10.1.build-dll-help.wall", 0.53, "s", Source),
        Figure.Reported("nuke-10.1.build-dll-help.peak-rss", 85, "MiB", Source),
        Figure.Reported("nuke-10.1.noop-targets-1000.wall", 2.95, "s", $"{Source}; reported as 2.7–3.2 s, value is the midpoint", new Spread(2.7, 3.2, Runs: null)),
        Figure.Reported("nuke-10.1.noop-targets.per-target-overhead", 2, "ms", $"{Source}; reported as \"about 2 ms of set-up per target\""),
        Figure.Reported("nuke-10.1.bootstrap-help.wall", 2.14, "s", $"{Source}; its bootstrap path: a no-op dotnet build, then dotnet run"),
        Figure.Reported("nuke-10.1.plan-500-targets.wall", 32, "s", $"{Source}; --plan at 500 targets (over a minute at 1,000)"),
    ];
}
