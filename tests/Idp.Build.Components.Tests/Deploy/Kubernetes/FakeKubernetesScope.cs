using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>A started fake API server with the namespace <c>shop</c>, per test, and a deployer connected to it.</summary>
public abstract class FakeKubernetesScope : IAsyncLifetime
{
    protected const string Ns = "shop";

    protected FakeKubernetes Cluster { get; private set; } = null!;

    /// <summary>The progress lines the deployer reported.</summary>
    protected List<string> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        Cluster = await FakeKubernetes.StartAsync(Ns);
        Cluster.ProgressDeadline = TimeSpan.FromSeconds(1);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    protected KubernetesDeployer Deployer(string token = FakeKubernetes.Token) =>
        new(ClusterConnection.FromServer(Cluster.Url, token)) { RewatchDelay = TimeSpan.FromMilliseconds(20) };

    protected void Report(string line)
    {
        lock (Progress)
            Progress.Add(line);
    }
}
