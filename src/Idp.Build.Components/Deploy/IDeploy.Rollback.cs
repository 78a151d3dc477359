using Idp.Build.Components.Deploy.Kubernetes;

namespace Idp.Build.Components.Deploy;

public partial interface IDeploy
{
    Target Rollback => _ => _
        .Description("Restores the previous revision in --environment (as 'kubectl rollout undo' does) and waits until it serves")
        .Requires(() => ServiceDescriptor)
        .Triggers(EmitDora)
        .Executes(async () =>
        {
            var environment = DeployEnvironment;
            if (environment.IsLocal)
            {
                throw new TargetFailedException(
                    "The local environment keeps one container, so there is nothing to roll back to: a failed local deploy never replaces the serving one. " +
                    "To go back to an earlier version, check out its commit and run './build.sh Deploy' again.");
            }
            var service = ServiceDescriptor.Service;
            var ns = environment.Namespace!;
            using var deployer = new KubernetesDeployer(ClusterConnection);
            var current = await deployer.ReadDeploymentAsync(ns, service.Name, CancellationToken.None)
                ?? throw new TargetFailedException($"There is no Deployment '{service.Name}' in namespace '{ns}' ({environment.Name}) to roll back. Deploy first.");
            var annotations = current.Metadata.Annotations ?? new Dictionary<string, string>();
            var rolledBackFrom = annotations.TryGetValue(DeploymentIdAnnotation, out var id) ? id : null;

            var (rollback, rollout) = await deployer.RollbackAndWaitAsync(ns, service.Name, ServiceDescriptor.Deploy.Timeout, Log.Information, CancellationToken.None);
            if (rollback.Outcome != RollbackOutcome.RolledBack)
                throw new TargetFailedException(rollback.Message);
            if (rollout is not { Succeeded: true })
                throw new TargetFailedException($"Rolled back to revision {rollback.ToRevision}, but that rollout did not finish: {rollout?.Message}");

            var restored = rollback.Image ?? "";
            RecordRollback(environment.Name, restored, rolledBackFrom);
            ReportSummary($"{environment.Name}: revision {rollback.FromRevision} → {rollback.ToRevision} ({restored})");
        });
}
