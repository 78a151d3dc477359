using Idp.Dora.Events;
using Idp.Dora.Storage;

namespace Idp.Dora.Tests.Storage;

/// <summary>
/// Batches that arrive while a write runs share the next write; each sender gets its own counts; a failing shared
/// write is repeated batch by batch; a sender that gives up while waiting takes its batch with it.
/// </summary>
public sealed class GroupCommitting
{
    private readonly List<IReadOnlyList<DoraEvent>[]> _writes = [];
    private readonly TaskCompletionSource _firstWriteMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Batches_that_arrive_during_a_write_share_the_next_one_and_each_sender_gets_its_own_counts()
    {
        var commit = new GroupCommit(WriteAsync());
        DoraEvent[] a = Batch(1), b = Batch(2), c = Batch(3), d = Batch(4);

        var first = commit.WriteAsync(a, CancellationToken.None);
        var others = new[] { b, c, d }.Select(batch => commit.WriteAsync(batch, CancellationToken.None)).ToList();
        _firstWriteMayFinish.SetResult();

        (await first).ShouldBe(new IngestResult(1, 0));
        (await Task.WhenAll(others)).ShouldBe([new IngestResult(2, 0), new IngestResult(3, 1), new IngestResult(4, 2)]);
        Written().ShouldBe([[1], [2, 3, 4]]);
    }

    [Fact]
    public async Task A_failing_shared_write_is_repeated_batch_by_batch_so_only_the_bad_batch_fails()
    {
        var commit = new GroupCommit(WriteAsync(failWhenWriting: 3));
        var first = commit.WriteAsync(Batch(1), CancellationToken.None);
        var others = new[] { 2, 3, 4 }.Select(n => commit.WriteAsync(Batch(n), CancellationToken.None)).ToList();
        _firstWriteMayFinish.SetResult();

        await first;
        (await others[0]).Accepted.ShouldBe(2);
        (await Should.ThrowAsync<InvalidOperationException>(others[1])).Message.ShouldBe("batch of 3 refused");
        (await others[2]).Accepted.ShouldBe(4);
        Written().ShouldBe([[1], [2, 3, 4], [2], [3], [4]]);
    }

    [Fact]
    public async Task A_sender_that_gives_up_while_waiting_takes_its_batch_with_it()
    {
        var commit = new GroupCommit(WriteAsync());
        using var giveUp = new CancellationTokenSource();
        var first = commit.WriteAsync(Batch(1), CancellationToken.None);
        var second = commit.WriteAsync(Batch(2), giveUp.Token);
        var third = commit.WriteAsync(Batch(3), CancellationToken.None);

        await giveUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(second);
        _firstWriteMayFinish.SetResult();
        await Task.WhenAll(first, third);

        Written().ShouldBe([[1], [3]]);
    }

    [Fact]
    public async Task A_group_stops_taking_batches_at_its_event_limit()
    {
        var commit = new GroupCommit(WriteAsync());
        var half = (GroupCommit.MaxEvents / 2) + 1;
        var first = commit.WriteAsync(Batch(1), CancellationToken.None);
        var others = new[] { half, half, 5 }.Select(n => commit.WriteAsync(Batch(n), CancellationToken.None)).ToList();
        _firstWriteMayFinish.SetResult();

        await Task.WhenAll([first, .. others]);
        Written().ShouldBe([[1], [half], [half, 5]]);
    }

    // Answers each batch with (its size, its place in the write); the first write waits for the test's signal, so that
    // the batches sent meanwhile queue up behind it.
    private Func<IReadOnlyList<IReadOnlyList<DoraEvent>>, Task<IReadOnlyList<IngestResult>>> WriteAsync(int? failWhenWriting = null) => async batches =>
    {
        lock (_writes)
            _writes.Add([.. batches]);
        if (_writes.Count == 1)
            await _firstWriteMayFinish.Task;
        if (batches.FirstOrDefault(b => b.Count == failWhenWriting) is { } bad)
            throw new InvalidOperationException($"batch of {bad.Count} refused");
        return [.. batches.Select((b, i) => new IngestResult(b.Count, i))];
    };

    private List<int[]> Written() => [.. _writes.Select(w => w.Select(b => b.Count).ToArray())];

    // Group commit only counts a batch's events; their content is the store's business.
    private static DoraEvent[] Batch(int size) => new DoraEvent[size];
}
