using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Idp.Build.Components.Deploy.Local;

public sealed partial class LocalDeployer
{
    /// <summary>The label that records a container's image, by digest.</summary>
    public const string ImageLabel = "io.idp.image";

    private async Task<string> RunAsync(LocalDeployRequest request, string name, int hostPort, LocalNetwork network, CancellationToken cancellationToken)
    {
        var listenPort = network.IsHost ? hostPort : request.ContainerPort;
        var environment = request.Environment
            .Where(e => e.Key != "ASPNETCORE_HTTP_PORTS")
            .Select(e => $"{e.Key}={e.Value}")
            .Append($"ASPNETCORE_HTTP_PORTS={listenPort.ToString(CultureInfo.InvariantCulture)}")
            .ToList();
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = request.Image,
            Env = environment,
            Labels = new Dictionary<string, string>(request.Labels)
            {
                ["io.idp.service"] = request.Service,
                ["io.idp.environment"] = "local",
                [ImageLabel] = request.Image,
            },
            HostConfig = network.HostConfig(request.ContainerPort, hostPort),
            ExposedPorts = network.IsHost ? null : new Dictionary<string, EmptyStruct> { [$"{request.ContainerPort}/tcp"] = default },
        };
        var created = await docker.Containers.CreateContainerAsync(parameters, cancellationToken);
        await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
        return created.ID;
    }

    private async Task<ContainerInspectResponse?> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            return await docker.Containers.InspectContainerAsync(nameOrId, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    private async Task RemoveIfPresentAsync(string nameOrId, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(nameOrId, new ContainerRemoveParameters { Force = true }, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone.
        }
    }

    private async Task<string> LastLogLinesAsync(string id, int lines, CancellationToken cancellationToken)
    {
        using var stream = await docker.Containers.GetContainerLogsAsync(id, tty: false,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = lines.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(cancellationToken);
        return (stdout + stderr).TrimEnd();
    }
}
