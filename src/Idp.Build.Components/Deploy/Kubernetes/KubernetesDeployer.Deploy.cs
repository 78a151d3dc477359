namespace Idp.Build.Components.Deploy.Kubernetes;

// The golden path's deploy in one call: apply, wait, and on failure gather the evidence first (the failing pods
// disappear once the rollback scales them down), then roll back and wait for the previous revision.
public sealed partial class KubernetesDeployer
{
    /// <summary>
    /// Applies the manifests and waits up to <paramref name="rolloutTimeout"/> for the rollout; when it fails or times
    /// out, gathers the evidence, restores the previous revision and waits for it (with the same timeout).
    /// The deploy counts as failed whenever the new revision did not roll out. Evidence that cannot be read (e.g. no
    /// RBAC to list events) is left null and reported as a progress line; the rollback happens regardless.
    /// </summary>
    public async Task<ClusterDeployOutcome> DeployAsync(DeploymentManifests manifests, TimeSpan rolloutTimeout, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var applied = await ApplyAsync(manifests, progress, cancellationToken).ConfigureAwait(false);
        var ns = manifests.Namespace;
        var name = manifests.Deployment.Metadata.Name;
        var rollout = await WaitForRolloutAsync(ns, name, rolloutTimeout, progress, cancellationToken).ConfigureAwait(false);
        if (rollout.Succeeded)
            return new ClusterDeployOutcome(applied, rollout, null, null, null);

        RolloutFailureEvidence? evidence = null;
        try
        {
            evidence = await GatherFailureEvidenceAsync(ns, name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesDeployException e)
        {
            // Missing evidence must not stop the rollback; the reason goes to the log for whoever diagnoses by hand.
            progress($"Could not gather the evidence of the failed rollout: {e.Message}");
        }
        progress($"Rollout of deployment \"{name}\" failed ({rollout.Message}); rolling back");
        var (rollback, rollbackRollout) = await RollbackAndWaitAsync(ns, name, rolloutTimeout, progress, cancellationToken).ConfigureAwait(false);
        return new ClusterDeployOutcome(applied, rollout, evidence, rollback, rollbackRollout);
    }
}
