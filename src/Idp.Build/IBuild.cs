using System.Linq.Expressions;

namespace Idp.Build;

/// <summary>
/// What every build offers its components. A component is an interface deriving <see cref="IBuild"/> whose
/// default members declare targets, parameters and settings hooks; any build implementing it gets them.
/// </summary>
public interface IBuild
{
    /// <summary>The directory holding <c>.nuke/</c> (or given with <c>--root</c>).</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>: run records, plans, up-to-date state.</summary>
    AbsolutePath TemporaryDirectory { get; }

    /// <summary>Where the build runs, with its typed CI variables.</summary>
    Host Host { get; }

    /// <summary>True on a developer's machine.</summary>
    bool IsLocalBuild { get; }

    /// <summary>True on a CI server.</summary>
    bool IsServerBuild { get; }

    /// <summary>The build's log (masked, collected for the end-of-build report).</summary>
    BuildLog Log { get; }

    /// <summary>True once a target has failed in this run.</summary>
    bool IsFailing { get; }

    /// <summary>Reads a component's <c>[Parameter]</c> property: <c>[Parameter] string? Feed => TryGetValue(() => Feed);</c></summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : class;

    /// <summary>Reads a component's value-typed <c>[Parameter]</c> property: <c>[Parameter] int? Port => TryGetValue(() => Port);</c></summary>
    T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : struct;

    /// <summary>Masks <paramref name="value"/> in everything the build prints from now on.</summary>
    void RegisterSecret(string? value);

    /// <summary>
    /// <paramref name="text"/> with every registered secret replaced by <c>***</c>: for text the build writes to files
    /// (reports, notes) rather than to its output, which is masked already.
    /// </summary>
    string Masked(string text);

    /// <summary>Sets the note shown for the running target in the summary table.</summary>
    void ReportSummary(string note);

    /// <summary>Where <paramref name="target"/> stands in this run.</summary>
    TargetStatus StatusOf(Target target);
}
