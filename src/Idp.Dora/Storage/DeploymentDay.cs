namespace Idp.Dora.Storage;

/// <summary>
/// A row of <c>deployment_days</c>: one scope's production deployments on one UTC day, how many failed (rule R4), and
/// which of the day's 96 slots of 15 minutes hold any, as bits (slots 0–47 in <see cref="SlotsLow"/>, 48–95 in
/// <see cref="SlotsHigh"/>). Every time zone's offset is a multiple of 15 minutes, so a slot lies in one local day: the
/// slots tell the days with deployments in any zone, and a batch spread over many days updates far fewer rows than with
/// a row per slot.
/// </summary>
internal readonly record struct DeploymentDay(long Deployments, long Failed, long SlotsLow, long SlotsHigh)
{
    private const int SlotsPerWord = Rollups.SlotsPerDay / 2;

    /// <summary>The counts of deployments finished at <paramref name="finishedMs"/>; marks their slot only when
    /// <paramref name="deployments"/> counts any (a failed flag that flips later adds to <see cref="Failed"/> alone).</summary>
    public static DeploymentDay Of(long finishedMs, long deployments, long failed)
    {
        if (deployments == 0)
            return new(0, failed, 0, 0);
        var slot = (int)(Rollups.SlotOf(finishedMs) - (Rollups.DayOf(finishedMs) * Rollups.SlotsPerDay));
        return slot < SlotsPerWord
            ? new(deployments, failed, 1L << slot, 0)
            : new(deployments, failed, 0, 1L << (slot - SlotsPerWord));
    }

    public DeploymentDay Add(DeploymentDay other) =>
        new(Deployments + other.Deployments, Failed + other.Failed, SlotsLow | other.SlotsLow, SlotsHigh | other.SlotsHigh);

    /// <summary>The start of each marked slot of <paramref name="day"/> (days since 1970-01-01, UTC), in Unix ms.</summary>
    public IEnumerable<long> SlotStarts(long day)
    {
        for (var slot = 0; slot < Rollups.SlotsPerDay; slot++)
        {
            var word = slot < SlotsPerWord ? SlotsLow : SlotsHigh;
            if ((word >> (slot % SlotsPerWord) & 1) == 1)
                yield return (day * Rollups.DayMs) + (slot * Rollups.SlotMs);
        }
    }
}
