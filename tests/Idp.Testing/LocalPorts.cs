using System.Net;
using System.Net.Sockets;

namespace Idp.Testing;

/// <summary>Ports on 127.0.0.1 for servers a test starts.</summary>
public static class LocalPorts
{
    /// <summary>A port nothing listens on right now (the OS picks it; another process may still take it before the caller binds).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
