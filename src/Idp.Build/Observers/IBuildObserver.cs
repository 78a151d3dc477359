namespace Idp.Build;

/// <summary>
/// Follows a run from outside the targets: told when the plan is known, when each target starts and ends, and
/// when the build ends. A component attaches one with <see cref="ObservedByAttribute"/> on its interface (e.g.
/// GitLab commit statuses per target). An observer that throws is reported as a warning and never fails the build.
/// </summary>
public interface IBuildObserver
{
    /// <summary>The targets that will run, in plan order (skipped ones included, with their status).</summary>
    Task OnPlannedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan) => Task.CompletedTask;

    /// <summary>A target is about to run its actions.</summary>
    Task OnTargetStartedAsync(IBuild build, TargetSnapshot target) => Task.CompletedTask;

    /// <summary>A target has ended (Succeeded, Failed, Skipped, NotRun, …).</summary>
    Task OnTargetFinishedAsync(IBuild build, TargetSnapshot target) => Task.CompletedTask;

    /// <summary>The build has ended; <paramref name="succeeded"/> is its outcome.</summary>
    Task OnBuildFinishedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan, bool succeeded) => Task.CompletedTask;
}

/// <summary>A target as an observer sees it.</summary>
public sealed record TargetSnapshot(string Name, TargetStatus Status, TimeSpan Duration, string? Note);

/// <summary>Attaches an <see cref="IBuildObserver"/> (with a public parameterless constructor) to every build that implements the annotated component.</summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ObservedByAttribute(Type observerType) : Attribute
{
    public Type ObserverType { get; } = observerType;
}
