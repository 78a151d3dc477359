using System.Reflection;
using Idp.Build.Planning;

namespace Idp.Build.Observers;

/// <summary>The observers of one run, found from <see cref="ObservedByAttribute"/> on the build and its components.</summary>
internal sealed class BuildObservers(IBuild build, BuildLog log, IReadOnlyList<IBuildObserver> observers)
{
    public static BuildObservers For(IBuild build, BuildLog log)
    {
        var types = build.GetType().GetInterfaces().Append(build.GetType())
            .SelectMany(t => t.GetCustomAttributes<ObservedByAttribute>(inherit: false))
            .Select(a => a.ObserverType)
            .Distinct();
        var observers = types.Select(type => typeof(IBuildObserver).IsAssignableFrom(type)
                ? (IBuildObserver)Activator.CreateInstance(type)!
                : throw new BuildException($"[ObservedBy(typeof({type.Name}))]: {type.Name} does not implement IBuildObserver."))
            .ToArray();
        return new BuildObservers(build, log, observers);
    }

    public Task PlannedAsync(IReadOnlyList<ExecutableTarget> plan) => Notify(o => o.OnPlannedAsync(build, Snapshots(plan)));

    public Task StartedAsync(ExecutableTarget target) => Notify(o => o.OnTargetStartedAsync(build, Snapshot(target)));

    public Task FinishedAsync(ExecutableTarget target) => Notify(o => o.OnTargetFinishedAsync(build, Snapshot(target)));

    public Task BuildFinishedAsync(IReadOnlyList<ExecutableTarget> plan, bool succeeded) =>
        Notify(o => o.OnBuildFinishedAsync(build, Snapshots(plan), succeeded));

    private async Task Notify(Func<IBuildObserver, Task> call)
    {
        foreach (var observer in observers)
        {
            try
            {
                await call(observer);
            }
            catch (Exception e)
            {
                log.Warning($"{observer.GetType().Name} failed and was ignored: {e.Message}");
            }
        }
    }

    private static TargetSnapshot Snapshot(ExecutableTarget target) => new(target.Name, target.Status, target.Duration, target.Note);

    private static TargetSnapshot[] Snapshots(IReadOnlyList<ExecutableTarget> plan) => plan.Select(Snapshot).ToArray();
}
