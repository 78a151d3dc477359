using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Components;

public sealed class RecordingObserver : IBuildObserver
{
    public static List<string> Events { get; } = [];

    public Task OnPlannedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan) => Record($"planned {string.Join(",", plan.Select(t => $"{t.Name}:{t.Status}"))}");
    public Task OnTargetStartedAsync(IBuild build, TargetSnapshot target) => Record($"started {target.Name}");
    public Task OnTargetFinishedAsync(IBuild build, TargetSnapshot target) => Record($"finished {target.Name}:{target.Status}");
    public Task OnBuildFinishedAsync(IBuild build, IReadOnlyList<TargetSnapshot> plan, bool succeeded) => Record($"build {(succeeded ? "succeeded" : "failed")}");

    private static Task Record(string line)
    {
        lock (Events)
            Events.Add(line);
        return Task.CompletedTask;
    }
}

public sealed class ThrowingObserver : IBuildObserver
{
    public Task OnTargetStartedAsync(IBuild build, TargetSnapshot target) => throw new InvalidOperationException("status server is down");
}

[ObservedBy(typeof(RecordingObserver))]
[ObservedBy(typeof(ThrowingObserver))]
public interface IObservedComponent : IBuild
{
    Target Restore => _ => _.Executes(() => { });
    Target Lint => _ => _.OnlyWhenStatic(() => false).Executes(() => { });
    Target Compile => _ => _.DependsOn(Restore, Lint).Executes(() => throw new InvalidOperationException("does not compile"));
}

public sealed class ObservedBuild : IdpBuild, IObservedComponent;

[Collection(nameof(RecordingObserver))]
public class Observers
{
    [Fact]
    public void An_observer_follows_the_run_and_a_failing_one_never_fails_the_build()
    {
        using var root = new TempDirectory();
        lock (RecordingObserver.Events)
            RecordingObserver.Events.Clear();

        var result = InProcess.Run<ObservedBuild>(root, ["Compile"]);

        RecordingObserver.Events.ShouldBe([
            "planned Restore:Scheduled,Lint:Skipped,Compile:Scheduled",
            "started Restore", "finished Restore:Succeeded",
            "started Compile", "finished Compile:Failed",
            "build failed"]);
        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain("ThrowingObserver failed and was ignored: status server is down");
        result.Output.ShouldMatch(@"Restore\s+│ Succeeded");
    }
}
