using Idp.Build.Components.Deploy.Diagnosis;
using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Build.Components.Deploy.Manifests;
using Idp.Build.Components.Deploy.Plan;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.GitLab;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Deploy;

public partial interface IDeploy
{
    /// <summary>The Deployment annotation that records the DORA deployment id of what it runs.</summary>
    const string DeploymentIdAnnotation = "idp.build/deployment-id";

    /// <summary>The Deployment annotation that records the commit it runs.</summary>
    const string CommitAnnotation = "idp.build/commit";

    /// <summary>The manifests for <paramref name="environment"/>, written to <c>artifacts/manifests/&lt;env&gt;/</c> (secret values redacted).</summary>
    async Task<DeploymentManifests> RenderManifestsAsync(EnvironmentSettings environment, PushResult image)
    {
        IReadOnlyDictionary<string, string>? values = null;
        if (environment.Secrets.Mode == SecretMode.Kubernetes)
        {
            var read = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in environment.Secrets.Values)
                read[value.Name] = await ReadSecretAsync(new VaultSecretReference(value.Path, value.Key));
            values = read;
        }
        DeploymentManifests manifests;
        try
        {
            // Label values allow no "+": the build metadata of the SemVer version becomes "_".
            manifests = ManifestRenderer.Render(ServiceDescriptor, environment, image.Reference, GitRepository.Version.Replace('+', '_'), values);
        }
        catch (ArgumentException e)
        {
            throw new TargetFailedException($"{ServiceDescriptor.SourceFile}: {e.Message}");
        }
        ManifestWriter.Write(manifests, ArtifactsDirectory / "manifests" / environment.Name);
        return manifests;
    }

    /// <summary>What applying <paramref name="manifests"/> would change, from the server's dry run against the live objects.</summary>
    async Task<DeployPlan> PlanAsync(KubernetesDeployer deployer, DeploymentManifests manifests)
    {
        var live = await deployer.ReadCurrentAsync(manifests, CancellationToken.None);
        var planned = await deployer.DryRunAsync(manifests, CancellationToken.None);
        var objects = new List<ObjectPlan>();
        if (planned.Secret is { } secret)
            objects.Add(DeployPlanner.Compare(live.Secret, secret));
        objects.Add(DeployPlanner.Compare(live.Deployment, planned.Deployment!));
        objects.Add(DeployPlanner.Compare(live.Service, planned.Service!));
        if (planned.Route is { } route)
            objects.Add(DeployPlanner.Compare(live.Route, route));
        var plan = new DeployPlan(manifests.Namespace, objects);
        File.WriteAllText(ArtifactsDirectory / "deploy-plan.md", Masked(plan.ToMarkdown()));
        return plan;
    }

    private async Task DeployToClusterAsync(EnvironmentSettings environment, PushResult image)
    {
        var service = ServiceDescriptor.Service;
        var manifests = await RenderManifestsAsync(environment, image);
        using var deployer = new KubernetesDeployer(ClusterConnection);
        if (environment.IsProduction)
            Log.Information($"Plan for {environment.Name} ({manifests.Namespace}):\n{(await PlanAsync(deployer, manifests)).ToText()}");

        var live = (await deployer.ReadCurrentAsync(manifests, CancellationToken.None)).Deployment;
        var previous = live?.Metadata?.Annotations is { } annotations && live.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image is { } liveImage
            ? new PreviousDeployment(liveImage, annotations.TryGetValue(CommitAnnotation, out var commit) ? commit : null,
                annotations.TryGetValue(DeploymentIdAnnotation, out var id) ? id : null)
            : null;
        var deploymentId = Guid.NewGuid().ToString();
        var deploymentAnnotations = manifests.Deployment.Metadata.Annotations ??= new Dictionary<string, string>();
        deploymentAnnotations[DeploymentIdAnnotation] = deploymentId;
        if (GitRepository.CommitSha is { } sha)
            deploymentAnnotations[CommitAnnotation] = sha;

        var gitlab = (this as IGitLabReporting)?.GitLabReporter;
        var tier = environment.IsProduction ? EnvironmentTier.Production : EnvironmentTier.Development;
        var url = environment.Route is { } route ? $"https://{route.Host}" : null;
        if (gitlab is not null)
            await gitlab.ReportDeploymentAsync(environment.Name, DeploymentStatus.Running, url, tier);

        var result = await deployer.DeployAsync(manifests, ServiceDescriptor.Deploy.Timeout, Log.Information, CancellationToken.None);
        var outcome = new DeployOutcome(service.Name, environment.Name, image.Reference, deploymentId, GitRepository.CommitSha, result.Succeeded,
            RolledBack: result.Rollback?.Outcome == RollbackOutcome.RolledBack, DateTimeOffset.UtcNow, url is null ? null : new Uri(url), previous,
            result.Succeeded ? null : result.Rollout.Message);
        await RecordDeployAsync(outcome);
        if (result.Succeeded)
        {
            if (gitlab is not null)
                await gitlab.ReportDeploymentAsync(environment.Name, DeploymentStatus.Success, url, tier);
            ReportSummary($"{environment.Name}: {manifests.Namespace}/{service.Name} revision {result.Rollout.Revision} ({image.Digest[..19]}…)");
            return;
        }

        var diagnosis = RolloutDiagnoser.Diagnose(EvidenceFor(result.Evidence), ServiceDescriptor, environment);
        var markdown = Masked(diagnosis.ToMarkdown());
        File.WriteAllText(ArtifactsDirectory / "deploy-diagnosis.md", markdown);
        if (gitlab is not null)
        {
            await gitlab.ReportDeploymentAsync(environment.Name, DeploymentStatus.Failed, url, tier);
            await gitlab.PublishMergeRequestNoteAsync("deploy-diagnosis", markdown);
        }
        var rollback = result.Rollback is { } done ? $"\n{done.Message}" : "";
        throw new TargetFailedException($"The rollout of {service.Name} to {environment.Name} failed: {result.Rollout.Message}{rollback}\n{diagnosis.ToText()}\n(also in {ArtifactsDirectory / "deploy-diagnosis.md"})");
    }

    private static RolloutEvidence EvidenceFor(RolloutFailureEvidence? evidence) => evidence is null
        ? RolloutEvidence.Empty
        : new RolloutEvidence(evidence.PodObjects, evidence.EventObjects, evidence.Logs);
}
