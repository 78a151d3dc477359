using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Idp.Build;

/// <summary>
/// The fluent definition of a target. Each method records one fact and returns the definition, so a target
/// reads as one chain: <c>_ => _.DependsOn(Restore).OnlyWhenStatic(() => IsServerBuild).Executes(...)</c>.
/// Generic forms name targets of components (<c>DependsOn&lt;ICompile&gt;(x => x.Compile)</c>); <c>Try…</c>
/// forms do nothing when the build does not implement the component.
/// </summary>
public interface ITargetDefinition
{
    /// <summary>The text shown for this target in <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>These targets run before this one and are pulled into the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<T>() where T : IBuild;
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : IBuild;
    ITargetDefinition TryDependsOn<T>() where T : IBuild;
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>This target runs before these and is pulled into the plan when they are (the reverse of DependsOn).</summary>
    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<T>() where T : IBuild;
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : IBuild;
    ITargetDefinition TryDependentFor<T>() where T : IBuild;
    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>When both are scheduled, this target runs before these. Ordering only: nothing is pulled in.</summary>
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<T>() where T : IBuild;
    ITargetDefinition Before<T>(params Func<T, Target>[] targets) where T : IBuild;
    ITargetDefinition TryBefore<T>() where T : IBuild;
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>When both are scheduled, this target runs after these. Ordering only: nothing is pulled in.</summary>
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<T>() where T : IBuild;
    ITargetDefinition After<T>(params Func<T, Target>[] targets) where T : IBuild;
    ITargetDefinition TryAfter<T>() where T : IBuild;
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>Whenever this target is scheduled, these are scheduled to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<T>() where T : IBuild;
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) where T : IBuild;
    ITargetDefinition TryTriggers<T>() where T : IBuild;
    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>Whenever one of these is scheduled, this target is scheduled to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<T>() where T : IBuild;
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) where T : IBuild;
    ITargetDefinition TryTriggeredBy<T>() where T : IBuild;
    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>
    /// Evaluated once, before any target runs. When false the target is skipped, its reason is the condition's
    /// own text, and (see <see cref="WhenSkipped"/>) dependencies nobody else needs are skipped too.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>Evaluated just before the target would run. When false the target is skipped; its dependencies have already run.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>Whether a static skip of this target cascades to its dependencies.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>The parameter must have a value (non-null, non-empty) before the first target runs.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T?>> parameter) where T : class;

    /// <summary>The parameter must have a value before the first target runs.</summary>
    ITargetDefinition Requires<T>(Expression<Func<T?>> parameter) where T : struct;

    /// <summary>The assertion must hold before the first target runs.</summary>
    ITargetDefinition Requires(Func<bool> assertion, [CallerArgumentExpression(nameof(assertion))] string? text = null);

    /// <summary>Adds an action. Actions run in the order they were added.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>A failure of this target fails the build but does not stop other targets from running.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even when the build is already failing (cleanup, reporting).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c>; can still be invoked by name.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Replays <typeparamref name="T"/>'s own definition of this target into this one (used in overrides).</summary>
    ITargetDefinition Inherit<T>() where T : IBuild;

    /// <summary>Replays <typeparamref name="T"/>'s own definitions of the given targets into this one.</summary>
    ITargetDefinition Inherit<T>(params Expression<Func<T, Target>>[] targets) where T : IBuild;

    /// <summary>Files (globs relative to the root) whose content decides whether the target is up to date.</summary>
    ITargetDefinition Inputs(params string[] globs);

    /// <summary>Files (globs relative to the root) the target produces; missing or changed outputs make it run again.</summary>
    ITargetDefinition Outputs(params string[] globs);
}
