using System.Net;
using System.Net.Sockets;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>Ports on 127.0.0.1 that nothing listens on, for the servers a benchmark starts.</summary>
static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
