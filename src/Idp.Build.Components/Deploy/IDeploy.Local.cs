using Idp.Build.Components.Deploy.Local;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Deploy;

public partial interface IDeploy
{
    /// <summary>The container labels that record what a local container runs, for the next deploy to read.</summary>
    const string CommitLabel = "io.idp.commit";

    /// <summary>The container label that records the DORA deployment id.</summary>
    const string DeploymentIdLabel = "io.idp.deployment-id";

    private async Task DeployLocallyAsync(EnvironmentSettings environment, PushResult image)
    {
        var service = ServiceDescriptor.Service;
        var deploymentId = Guid.NewGuid().ToString();
        var commit = GitRepository.CommitSha;
        var labels = new Dictionary<string, string> { [DeploymentIdLabel] = deploymentId };
        if (commit is not null)
            labels[CommitLabel] = commit;
        var request = new LocalDeployRequest(service.Name, image.Reference, service.Port, LocalPort ?? service.Port, service.HealthPath,
            LocalEnvironmentVariables(environment), ServiceDescriptor.Deploy.Timeout, labels);

        using var docker = CreateDockerClient();
        try
        {
            var deployed = await new LocalDeployer(docker, Log.Information).DeployAsync(request);
            var outcome = new DeployOutcome(service.Name, environment.Name, image.Reference, deploymentId, commit, Succeeded: true, RolledBack: false,
                DateTimeOffset.UtcNow, deployed.Url, Previous(deployed.Previous), Error: null);
            await RecordDeployAsync(outcome);
            Log.Information($"{service.Name} serves {image.Digest} at {deployed.Url}");
            ReportSummary($"{deployed.Url} ({image.Digest[..19]}…)");
        }
        catch (LocalDeployException e)
        {
            var outcome = new DeployOutcome(service.Name, environment.Name, image.Reference, deploymentId, commit, Succeeded: false,
                RolledBack: e.Previous is not null, DateTimeOffset.UtcNow, request.Url, Previous(e.Previous), e.Message);
            await RecordDeployAsync(outcome);
            throw new TargetFailedException(e.Message);
        }
    }

    private IReadOnlyDictionary<string, string> LocalEnvironmentVariables(EnvironmentSettings environment)
    {
        var variables = new Dictionary<string, string>(environment.Variables, StringComparer.Ordinal);
        if (environment.SecretsFile is { } file)
        {
            foreach (var (name, value) in DotEnvFile.Read(ServiceDescriptor.Resolve(file)))
            {
                RegisterSecret(value);
                variables[name] = value;
            }
        }
        return variables;
    }

    private static PreviousDeployment? Previous(IReadOnlyDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(LocalDeployer.ImageLabel, out var image)
            ? new PreviousDeployment(image, labels.GetValueOrDefault(CommitLabel), labels.GetValueOrDefault(DeploymentIdLabel))
            : null;
}
