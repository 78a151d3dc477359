using System.Globalization;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>Whether a rollout is still going, done, or failed.</summary>
public enum RolloutPhase
{
    /// <summary>Not decided yet; keep watching.</summary>
    Waiting,

    /// <summary>Every replica runs the new template and is available.</summary>
    Complete,

    /// <summary>The Deployment controller gave up (<c>ProgressDeadlineExceeded</c>), or the revision is not the expected one.</summary>
    Failed,
}

/// <summary>One evaluation of a Deployment's rollout, with the line <c>kubectl rollout status</c> would print.</summary>
/// <param name="Phase">Waiting, complete or failed.</param>
/// <param name="Message">kubectl's wording, e.g. <c>Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...</c>.</param>
public sealed record RolloutState(RolloutPhase Phase, string Message);

/// <summary>Decides a Deployment's rollout state exactly as <c>kubectl rollout status</c> (DeploymentStatusViewer) does.</summary>
public static class RolloutStatus
{
    /// <summary>The annotation the Deployment controller keeps the current revision in.</summary>
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    /// <summary>Evaluates one observation of a Deployment.</summary>
    /// <param name="deployment">The Deployment as read or watched.</param>
    /// <param name="revision">The revision expected to roll out, or 0 for whichever is current.</param>
    public static RolloutState Evaluate(V1Deployment deployment, long revision = 0)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var name = deployment.Metadata?.Name ?? "";
        if (revision > 0)
        {
            var current = RevisionOf(deployment);
            if (current != revision)
                return new(RolloutPhase.Failed, $"desired revision ({revision}) is different from the running revision ({current})");
        }
        var status = deployment.Status;
        if ((deployment.Metadata?.Generation ?? 0) > (status?.ObservedGeneration ?? 0))
            return new(RolloutPhase.Waiting, "Waiting for deployment spec update to be observed...");

        var progressing = status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        if (progressing?.Reason == "ProgressDeadlineExceeded")
            return new(RolloutPhase.Failed, $"deployment \"{name}\" exceeded its progress deadline");
        var updated = status?.UpdatedReplicas ?? 0;
        var replicas = status?.Replicas ?? 0;
        var available = status?.AvailableReplicas ?? 0;
        if (deployment.Spec?.Replicas is { } desired && updated < desired)
            return new(RolloutPhase.Waiting, $"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {desired} new replicas have been updated...");
        if (replicas > updated)
            return new(RolloutPhase.Waiting, $"Waiting for deployment \"{name}\" rollout to finish: {replicas - updated} old replicas are pending termination...");
        if (available < updated)
            return new(RolloutPhase.Waiting, $"Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available...");
        return new(RolloutPhase.Complete, $"deployment \"{name}\" successfully rolled out");
    }

    /// <summary>The revision the Deployment controller recorded on the object, or 0 before it did.</summary>
    public static long RevisionOf(V1ObjectMeta? metadata) =>
        metadata?.Annotations is { } annotations && annotations.TryGetValue(RevisionAnnotation, out var text)
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    /// <summary>The revision the Deployment controller recorded on the Deployment, or 0 before it did.</summary>
    public static long RevisionOf(V1Deployment deployment) => RevisionOf(deployment?.Metadata);
}
