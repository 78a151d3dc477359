using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Deploy;

public partial interface IDeploy
{
    Target DeployPlan => _ => _
        .Description("Shows what Deploy would change in --environment: the cluster's dry run against the live objects (artifacts/deploy-plan.md)")
        .Requires(() => ServiceDescriptor)
        .After(Push)
        .Executes(async () =>
        {
            var environment = DeployEnvironment;
            if (environment.IsLocal)
                throw new TargetFailedException("DeployPlan compares with a cluster; the local environment has none. Choose an OpenShift environment with --environment.");
            var manifests = await RenderManifestsAsync(environment, PushedImage);
            using var deployer = new KubernetesDeployer(ClusterConnection);
            var plan = await PlanAsync(deployer, manifests);
            Log.Information(plan.ToText());
            ReportSummary(plan.HasChanges ? $"{plan.Objects.Count(o => o.Action != Plan.ObjectAction.NoChange)} object(s) change" : "no changes");
        });
}
