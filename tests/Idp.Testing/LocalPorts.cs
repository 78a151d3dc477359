using System.Net;
using System.Net.Sockets;

namespace Idp.Testing;

/// <summary>Ports on 127.0.0.1 for servers a test starts.</summary>
public static class LocalPorts
{
    private const int Lowest = 20000;

    /// <summary>
    /// A port nothing listens on right now, picked at random below the kernel's ephemeral range: between this check and
    /// the server's bind, an outgoing connection (of which tests make many) can take a port from that range but never
    /// from below it. Another test could still pick the same port, one chance in thousands.
    /// </summary>
    public static int Free()
    {
        var ephemeralLow = EphemeralRangeStart();
        for (var attempt = 0; attempt < 100 && ephemeralLow > Lowest; attempt++)
        {
            var port = Random.Shared.Next(Lowest, ephemeralLow);
            if (IsFree(port))
                return port;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string path = "/proc/sys/net/ipv4/ip_local_port_range";
        var range = File.Exists(path) ? File.ReadAllText(path).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        return range is [var low, _] && int.TryParse(low, out var port) ? port : 32768;
    }
}
