using Idp.Build;
using Idp.Build.Components.Deploy.Kubernetes;

namespace Idp.Build.Components.Deploy;

/// <summary>
/// The OpenShift/Kubernetes cluster deploys go to: <c>--openshift-server</c> with <c>--openshift-token</c> (a
/// service account's token in CI; or OPENSHIFT_SERVER and OPENSHIFT_TOKEN), else the service account of the pod the
/// build runs in, else the kubeconfig.
/// </summary>
public interface IHazCluster : IBuild
{
    [Parameter("API server of the cluster, e.g. https://api.ocp.example.internal:6443 (default: in-cluster, else the kubeconfig)", Name = "OpenshiftServer")]
    Uri? OpenShiftServer => TryGetValue(() => OpenShiftServer);

    [Parameter("Bearer token for --openshift-server (a service account's token; 'oc whoami -t' by hand)", Name = "OpenshiftToken"), Secret]
    string? OpenShiftToken => TryGetValue(() => OpenShiftToken);

    [Parameter("PEM file of the CA that signed the API server's certificate", Name = "OpenshiftCaFile")]
    AbsolutePath? OpenShiftCaFile => TryGetValue(() => OpenShiftCaFile);

    [Parameter("Skip TLS verification of the API server (test clusters only)", Name = "OpenshiftInsecure")]
    bool? OpenShiftInsecure => TryGetValue(() => OpenShiftInsecure);

    [Parameter("Kubeconfig file (default: KUBECONFIG, else ~/.kube/config)")]
    AbsolutePath? Kubeconfig => TryGetValue(() => Kubeconfig);

    [Parameter("Context of the kubeconfig to use (default: its current context)")]
    string? KubeContext => TryGetValue(() => KubeContext);

    /// <summary>The connection chosen as described on <see cref="IHazCluster"/>; registers the token with the masker.</summary>
    ClusterConnection ClusterConnection
    {
        get
        {
            RegisterSecret(OpenShiftToken);
            return ClusterConnection.Resolve(OpenShiftServer?.ToString(), OpenShiftToken, OpenShiftCaFile?.ToString(), OpenShiftInsecure ?? false, Kubeconfig?.ToString(), KubeContext);
        }
    }
}
