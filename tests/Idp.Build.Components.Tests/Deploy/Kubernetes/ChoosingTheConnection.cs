using Idp.Build.Components.Deploy.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>The connection comes from --openshift-server + --openshift-token, the pod's service account, or a kubeconfig.</summary>
public class ChoosingTheConnection
{
    [Fact]
    public void A_server_without_a_token_asks_for_the_token()
    {
        var error = Should.Throw<ArgumentException>(() => ClusterConnection.Resolve("https://api.ocp.example:6443", token: null));

        error.Message.ShouldStartWith("No token for the OpenShift server https://api.ocp.example:6443/: pass --openshift-token");
    }

    [Fact]
    public void A_server_that_is_not_a_url_is_named()
    {
        var error = Should.Throw<ArgumentException>(() => ClusterConnection.Resolve("api.ocp.example", token: "t"));

        error.Message.ShouldStartWith("--openshift-server 'api.ocp.example' is not a URL");
    }

    [Fact]
    public void A_missing_ca_file_is_named()
    {
        var error = Should.Throw<FileNotFoundException>(() => ClusterConnection.FromServer(new Uri("https://api.ocp.example:6443"), "t", "/nowhere/ca.crt"));

        error.Message.ShouldStartWith("The CA file '/nowhere/ca.crt' for https://api.ocp.example:6443/ does not exist");
    }

    [Fact]
    public void A_server_and_token_win_over_the_kubeconfig() =>
        ClusterConnection.Resolve("https://api.ocp.example:6443", "t", kubeconfig: "/nowhere/config").Description.ShouldBe("https://api.ocp.example:6443 (token)");

    [Fact]
    public void Without_a_server_outside_a_cluster_the_kubeconfig_is_used() =>
        ClusterConnection.Resolve(null, null, kubeconfig: "/nowhere/config", context: "prod").Description.ShouldBe("kubeconfig /nowhere/config, context prod");

    [Fact]
    public void A_kubeconfig_that_cannot_be_read_fails_with_what_to_pass_instead()
    {
        var error = Should.Throw<KubernetesDeployException>(() => new KubernetesDeployer(ClusterConnection.FromKubeconfig("/nowhere/config")));

        error.Message.ShouldStartWith("Cannot set up the connection to the cluster (kubeconfig /nowhere/config)");
        error.Message.ShouldContain("--openshift-server and --openshift-token");
    }
}
