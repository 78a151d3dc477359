namespace Idp.Build.Components.Dora;

/// <summary>What a delivery run did.</summary>
/// <param name="Delivered">Events the endpoint accepted (and that left the outbox).</param>
/// <param name="Rejected">Events the endpoint refused as invalid (moved to <c>rejected/</c>).</param>
/// <param name="Kept">Events still in the outbox for the next run.</param>
/// <param name="Problem">Why something was kept or rejected, for a warning; null when all went well.</param>
public sealed record DeliveryReport(int Delivered, int Rejected, int Kept, string? Problem);

/// <summary>
/// Sends everything in the outbox, oldest first, in batches; removes what was delivered and keeps the rest. An event
/// is removed only after the endpoint accepted it, so a crash at any point loses nothing (at worst an event is sent
/// again, and the endpoint deduplicates by (source, id)).
/// </summary>
public sealed class DoraDelivery(DoraOutbox outbox, DoraSender sender, int batchSize = 500)
{
    /// <summary>Delivers what is in the outbox. Never throws for delivery problems: they are in the report.</summary>
    public async Task<DeliveryReport> DeliverAsync(CancellationToken cancellationToken = default)
    {
        var pending = outbox.Pending();
        int delivered = 0, rejected = 0;
        var problems = new List<string>();
        foreach (var batch in pending.Chunk(batchSize))
        {
            var (outcome, detail) = await sender.SendAsync(batch.Select(e => e.Json).ToList(), cancellationToken);
            if (outcome == SendOutcome.Delivered)
            {
                Remove(batch);
                continue;
            }
            if (outcome == SendOutcome.Failed)
            {
                problems.Add(detail);
                break;
            }
            // One invalid event must not hold back the valid ones: resend one by one to find it.
            foreach (var entry in batch)
            {
                var (single, why) = await sender.SendAsync([entry.Json], cancellationToken);
                if (single == SendOutcome.Delivered)
                {
                    Remove([entry]);
                }
                else if (single == SendOutcome.Rejected)
                {
                    outbox.Reject(entry, why);
                    rejected++;
                    problems.Add($"{Path.GetFileName(entry.Path)} was rejected as invalid and moved to {outbox.RejectedDirectory}: {why}");
                }
                else
                {
                    problems.Add(why);
                    break;
                }
            }
        }
        var kept = outbox.Pending().Count;
        return new DeliveryReport(delivered, rejected, kept, problems.Count == 0 ? null : string.Join("\n", problems));

        void Remove(IEnumerable<OutboxEntry> entries)
        {
            foreach (var entry in entries)
            {
                DoraOutbox.Delivered(entry);
                delivered++;
            }
        }
    }
}
