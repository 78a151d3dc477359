using System.Net;
using System.Net.Sockets;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components.Tests.Registry;

/// <summary>A registry that does not answer is retried a bounded number of times, then reported clearly.</summary>
public sealed class UnreachableRegistry
{
    [Fact]
    public async Task A_stopped_registry_is_retried_with_backoff_then_fails_naming_it()
    {
        var address = $"127.0.0.1:{ClosedPort()}";
        var retries = new List<string>();
        using var registry = new RegistryClient(RegistryHost.Of(address), null, [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)]) { Retried = retries.Add };

        var error = await Should.ThrowAsync<RegistryException>(() => registry.CheckAccessAsync("platform/hello-service"));

        retries.Count.ShouldBe(2);
        error.Message.ShouldStartWith($"Registry {address} (http://{address}/) could not be reached after 3 attempts");
        error.Message.ShouldContain("Check that it runs");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
