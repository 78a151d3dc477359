using System.Diagnostics;
using Idp.Build.Output;
using Idp.Build.Planning;

namespace Idp.Build.Execution;

/// <summary>
/// Runs a prepared plan. With a parallelism of 1 targets run one after another in plan order; with more, a
/// target starts as soon as everything it must follow has finished, up to that many at once, and its output is
/// buffered and written as one block. A failure (without <c>ProceedAfterFailure</c>) stops new targets from
/// starting, except those marked <c>AssuredAfterFailure</c>.
/// </summary>
internal sealed class BuildExecutor(BuildContext context, UpToDateStore upToDate, Observers.BuildObservers? observers = null)
{
    private readonly Lock _outputGate = new();
    private volatile bool _cancelled;

    public void Cancel()
    {
        _cancelled = true;
        context.IsFailing = true;
    }

    public async Task RunAsync(IReadOnlyList<ExecutableTarget> plan, int parallelism)
    {
        if (parallelism <= 1)
        {
            foreach (var target in plan)
            {
                if (MayStart(target))
                    await RunTargetAsync(target, buffered: false);
            }
            return;
        }

        var inPlan = plan.ToHashSet();
        var waiting = plan.ToList();
        var running = new Dictionary<Task, ExecutableTarget>();
        while (waiting.Count > 0 || running.Count > 0)
        {
            foreach (var target in waiting.ToList())
            {
                if (running.Count >= parallelism)
                    break;
                if (!target.Predecessors.Where(inPlan.Contains).All(IsFinished))
                    continue;
                waiting.Remove(target);
                // Decided here, not in the task: a target is started or not the moment the scheduler reaches it.
                if (MayStart(target))
                    running[Task.Run(() => RunTargetAsync(target, buffered: true))] = target;
            }
            if (running.Count == 0)
            {
                if (waiting.Count == 0)
                    break;
                throw new InvalidOperationException("No target can start although some are waiting; the plan is not a valid order.");
            }
            var finished = await Task.WhenAny(running.Keys);
            running.Remove(finished);
            await finished;
        }
    }

    private static bool IsFinished(ExecutableTarget target) =>
        target.Status is not (TargetStatus.Scheduled or TargetStatus.Running);

    /// <summary>False, with the status set, for a target that is skipped or must not start because of a failure.</summary>
    private bool MayStart(ExecutableTarget target)
    {
        if (target.Status == TargetStatus.Skipped)
        {
            WriteSkipped(target);
            return false;
        }
        if (target.AssuredAfterFailure)
            return true;
        if (context.IsFailing || _cancelled)
        {
            target.Status = TargetStatus.NotRun;
            return false;
        }
        if (target.ExecutionDependencies.FirstOrDefault(d => d.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted) is { } broken)
        {
            target.Status = TargetStatus.NotRun;
            target.Note = $"{broken.Name} did not succeed";
            return false;
        }
        return true;
    }

    private async Task RunTargetAsync(ExecutableTarget target, bool buffered)
    {
        target.Status = TargetStatus.Running;
        target.StartedAt = DateTimeOffset.Now;
        if (observers is not null)
            await observers.StartedAsync(target);
        var clock = Stopwatch.StartNew();
        using var buffer = buffered ? context.Router.BeginBuffer() : null;
        context.CurrentTarget = target;
        if (!buffered)
            context.Host.BeginSection(context.Router.Out, target.Name, target.Name, context.Log.UseColor);
        try
        {
            var violated = target.DynamicConditions.Where(c => !c.Evaluate()).Select(c => c.Text).ToArray();
            if (violated.Length > 0)
            {
                target.Status = TargetStatus.Skipped;
                target.Note = string.Join(" && ", violated);
            }
            else if (upToDate.IsUpToDate(target))
            {
                target.Status = TargetStatus.Skipped;
                target.Note = "up to date";
            }
            else if (target.Actions.Count == 0)
            {
                target.Status = TargetStatus.Collective;
            }
            else
            {
                foreach (var action in target.Actions)
                    await action();
                target.Status = TargetStatus.Succeeded;
                upToDate.Record(target);
            }
        }
        catch (Exception exception)
        {
            Fail(target, exception);
        }
        finally
        {
            clock.Stop();
            target.Duration = clock.Elapsed;
            context.CurrentTarget = null;
            if (target.Status == TargetStatus.Skipped)
                context.Log.Information(context.Log.Paint($"skipped: {target.Note}", "2"));
            if (buffered)
                WriteBlock(target, buffer!.Text);
            else
                context.Host.EndSection(context.Router.Out, target.Name);
        }
        if (observers is not null)
            await observers.FinishedAsync(target);
    }

    private void Fail(ExecutableTarget target, Exception exception)
    {
        var cause = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerException! : exception;
        target.Status = TargetStatus.Failed;
        target.Failure = cause;
        target.Note = cause.Message.Split('\n')[0].Trim();
        var expected = cause is BuildException or Processes.ProcessException or TargetFailedException;
        context.Log.Error($"{target.Name} failed: {(expected ? cause.Message : cause.ToString())}");
        if (!target.ProceedAfterFailure)
            context.IsFailing = true;
    }

    private void WriteSkipped(ExecutableTarget target)
    {
        if (context.Log.Verbosity == Verbosity.Verbose)
            context.Log.Write(context.Log.Paint($"▷ {target.Name} skipped: {target.Note}", "2"));
    }

    private void WriteBlock(ExecutableTarget target, string text)
    {
        lock (_outputGate)
        {
            // Straight to the masked standard output: the router would still send this flow's writes to the buffer.
            var output = context.Router.StandardOut;
            context.Host.BeginSection(output, target.Name, target.Name, context.Log.UseColor);
            output.Write(text);
            context.Host.EndSection(output, target.Name);
            output.Flush();
        }
    }
}
