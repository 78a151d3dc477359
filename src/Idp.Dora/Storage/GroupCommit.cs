using Idp.Dora.Events;

namespace Idp.Dora.Storage;

/// <summary>
/// Group commit for ingest: one batch is written at a time, and the batches that arrive meanwhile wait; the next write
/// takes all of them (up to <see cref="MaxEvents"/>) in one transaction. Pipelines that post at the same time then
/// share a commit and the rollup rows of their days, instead of queueing for one transaction each. Every sender still
/// gets its answer only after its own events are committed, and its own counts. Should a shared transaction fail, each
/// batch in it is written again alone, so one bad batch cannot fail the others.
/// </summary>
internal sealed class GroupCommit(Func<IReadOnlyList<IReadOnlyList<DoraEvent>>, Task<IReadOnlyList<IngestResult>>> write)
{
    /// <summary>Events past which a group takes no further batch; bounds a transaction's memory and duration.</summary>
    public const int MaxEvents = 20_000;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly List<Waiting> _waiting = [];

    /// <summary>Writes <paramref name="events"/>, alone or with the batches waiting beside it.</summary>
    public async Task<IngestResult> WriteAsync(IReadOnlyList<DoraEvent> events, CancellationToken cancellationToken)
    {
        var mine = new Waiting(events);
        lock (_waiting)
            _waiting.Add(mine);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_waiting)
            {
                if (_waiting.Remove(mine))
                    throw;
            }
            // A writer already took this batch: its outcome is the answer, as it would be had the sender stayed.
            return await mine.Outcome.Task;
        }
        try
        {
            // Once it holds the turn, a sender writes groups until its own batch is written. The writes do not take the
            // sender's token: they carry other senders' batches too.
            while (!mine.Outcome.Task.IsCompleted)
                await WriteGroupAsync(TakeGroup());
        }
        finally
        {
            _turn.Release();
        }
        return await mine.Outcome.Task;
    }

    private List<Waiting> TakeGroup()
    {
        lock (_waiting)
        {
            var count = 0;
            var taken = _waiting.TakeWhile(w => (count += w.Events.Count) <= MaxEvents || w == _waiting[0]).ToList();
            _waiting.RemoveRange(0, taken.Count);
            return taken;
        }
    }

    private async Task WriteGroupAsync(List<Waiting> group)
    {
        try
        {
            var results = await write([.. group.Select(w => w.Events)]);
            for (var i = 0; i < group.Count; i++)
                group[i].Outcome.SetResult(results[i]);
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var alone in group)
                await WriteGroupAsync([alone]);
        }
        catch (Exception e)
        {
            group[0].Outcome.SetException(e);
        }
    }

    private sealed class Waiting(IReadOnlyList<DoraEvent> events)
    {
        public IReadOnlyList<DoraEvent> Events { get; } = events;

        public TaskCompletionSource<IngestResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
