using Docker.DotNet;
using Docker.DotNet.Models;

namespace Idp.Build.Components.Deploy.Local;

/// <summary>
/// Deploys an image to the local Docker engine the way a rollout would: the new container starts beside the serving
/// one on a spare port and must answer its health endpoint; only then is the serving one replaced, and the
/// replacement must answer too. Whatever fails, the container that served before serves again.
/// </summary>
public sealed partial class LocalDeployer(DockerClient docker, Action<string> progress)
{
    private const string PreviousSuffix = "-previous";
    private const string CandidateSuffix = "-candidate";

    /// <summary>How often the health endpoint is asked.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs <paramref name="request"/>'s image in place of the serving container once it is healthy.</summary>
    public async Task<LocalDeployment> DeployAsync(LocalDeployRequest request, CancellationToken cancellationToken = default)
    {
        var network = await LocalNetwork.OfAsync(docker, cancellationToken);
        await RemoveIfPresentAsync(request.ContainerName + CandidateSuffix, cancellationToken);
        await RestoreInterruptedSwapAsync(request.ContainerName, cancellationToken);
        var serving = await FindAsync(request.ContainerName, cancellationToken);
        var previous = serving?.Config.Labels is { } labels ? new Dictionary<string, string>(labels) : null;
        var previousImage = previous?.GetValueOrDefault(ImageLabel);

        progress($"Starting {request.Image} beside the serving container, to check it before it serves");
        var candidatePort = LocalNetwork.FreePort();
        var candidate = await RunAsync(request, request.ContainerName + CandidateSuffix, candidatePort, network, cancellationToken);
        try
        {
            await WaitHealthyAsync(candidate, request, candidatePort, cancellationToken);
        }
        catch (UnhealthyContainerException e)
        {
            await RemoveIfPresentAsync(candidate, cancellationToken);
            throw Failed(request, e.Message, previousImage, previous);
        }
        await RemoveIfPresentAsync(candidate, cancellationToken);

        if (serving is not null)
        {
            await docker.Containers.StopContainerAsync(serving.ID, new ContainerStopParameters { WaitBeforeKillSeconds = 5 }, cancellationToken);
            await docker.Containers.RenameContainerAsync(serving.ID, new ContainerRenameParameters { NewName = request.ContainerName + PreviousSuffix }, cancellationToken);
        }
        var replacement = await RunAsync(request, request.ContainerName, request.HostPort, network, cancellationToken);
        try
        {
            await WaitHealthyAsync(replacement, request, request.HostPort, cancellationToken);
        }
        catch (UnhealthyContainerException e)
        {
            await RemoveIfPresentAsync(replacement, cancellationToken);
            if (serving is not null)
                await RestartPreviousAsync(serving.ID, request, cancellationToken);
            throw Failed(request, e.Message, previousImage, previous);
        }
        if (serving is not null)
            await RemoveIfPresentAsync(serving.ID, cancellationToken);
        return new LocalDeployment(replacement, request.Image, request.Url, previous);
    }

    private async Task RestartPreviousAsync(string id, LocalDeployRequest request, CancellationToken cancellationToken)
    {
        await docker.Containers.RenameContainerAsync(id, new ContainerRenameParameters { NewName = request.ContainerName }, cancellationToken);
        await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
        progress($"Restarted the previous container of {request.Service}");
    }

    // A run that died between stopping the serving container and removing it leaves it renamed: put it back first.
    private async Task RestoreInterruptedSwapAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(name + PreviousSuffix, cancellationToken) is not { } previous)
            return;
        if (await FindAsync(name, cancellationToken) is { State.Running: true })
        {
            await RemoveIfPresentAsync(previous.ID, cancellationToken);
            return;
        }
        await RemoveIfPresentAsync(name, cancellationToken);
        await docker.Containers.RenameContainerAsync(previous.ID, new ContainerRenameParameters { NewName = name }, cancellationToken);
        await docker.Containers.StartContainerAsync(previous.ID, new ContainerStartParameters(), cancellationToken);
    }

    private static LocalDeployException Failed(LocalDeployRequest request, string why, string? previousImage, IReadOnlyDictionary<string, string>? previous) => new(
        previousImage is null
            ? $"{request.Service} ({request.Image}) did not become healthy: {why}\nNothing served before, so nothing was rolled back."
            : $"{request.Service} ({request.Image}) did not become healthy: {why}\nRolled back: the previous container ({previousImage}) keeps serving at {request.Url}.",
        previous);
}
