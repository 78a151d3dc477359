using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Idp.Build.Components.Deploy.Local;

/// <summary>
/// How a local container is reached from this machine: through a port published on 127.0.0.1 when the engine has its
/// bridge network, else on the host's network (the local platform's private engine runs without a bridge, and so
/// leaves the machine's firewall alone), where the service listens on the host port itself.
/// </summary>
internal sealed class LocalNetwork(bool isHost)
{
    public bool IsHost { get; } = isHost;

    public static async Task<LocalNetwork> OfAsync(DockerClient docker, CancellationToken cancellationToken)
    {
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters(), cancellationToken);
        return new LocalNetwork(!networks.Any(n => n.Name == "bridge"));
    }

    public HostConfig HostConfig(int containerPort, int hostPort) => IsHost
        ? new HostConfig { NetworkMode = "host" }
        : new HostConfig
        {
            PortBindings = new Dictionary<string, IList<PortBinding>>
            {
                [$"{containerPort.ToString(CultureInfo.InvariantCulture)}/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = hostPort.ToString(CultureInfo.InvariantCulture) }],
            },
        };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
