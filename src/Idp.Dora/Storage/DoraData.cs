namespace Idp.Dora.Storage;

/// <summary>What a window holds, read from the store, before the calculator reduces it to metrics.</summary>
/// <param name="DeploymentInstants">An instant (Unix ms) in every 15-minute UTC slot of the window that holds production
/// deployments: the deployments' own near the window's edges, the slots' starts inside it. Enough to tell the days with
/// deployments in any time zone, as every zone's offset is a multiple of 15 minutes.</param>
/// <param name="Deployments">The window's production deployments.</param>
/// <param name="LeadTimeMs">The interpolated median of the lead-time samples of rule R3 (only positive ones), or null without samples.</param>
/// <param name="FailedDeployments">In-window deployments with a linked incident or a rollback (rule R4).</param>
/// <param name="RestoreTimesMs">Time-to-restore samples of rule R5.</param>
public sealed record DoraData(
    IReadOnlyList<long> DeploymentInstants,
    long Deployments,
    double? LeadTimeMs,
    long FailedDeployments,
    long[] RestoreTimesMs);

/// <summary>The raw counts behind the platform metrics.</summary>
public sealed record PlatformData(
    long RegisteredTeams, long OnboardedTeams, long CompletedRuns, long RunsWithoutManualStep, IReadOnlyList<int> NpsScores);

/// <summary>The outcome of storing a batch: how many events were new, how many had been received before.</summary>
public sealed record IngestResult(int Accepted, int Duplicates);
