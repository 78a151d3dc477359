using System.Security.Cryptography.X509Certificates;
using k8s;

namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>
/// How to reach the cluster's API server: a server URL and token (<c>--openshift-server</c> and the secret
/// <c>--openshift-token</c>), the pod's service account when the build runs in the cluster, or a kubeconfig.
/// </summary>
public sealed class ClusterConnection
{
    private readonly Func<KubernetesClientConfiguration> _configure;

    private ClusterConnection(string description, Func<KubernetesClientConfiguration> configure)
    {
        Description = description;
        _configure = configure;
    }

    /// <summary>Where the connection goes, for messages (never contains the token).</summary>
    public string Description { get; }

    /// <summary>A server URL (e.g. <c>https://api.ocp.example:6443</c>) with a Bearer token (<c>oc whoami -t</c> or a service-account token).</summary>
    /// <param name="server">The API server URL.</param>
    /// <param name="token">The Bearer token.</param>
    /// <param name="certificateAuthorityFile">A PEM file with the CA that signed the API server's certificate; null trusts the system store.</param>
    /// <param name="insecureSkipTlsVerify">Skip TLS verification (test clusters only).</param>
    public static ClusterConnection FromServer(Uri server, string token, string? certificateAuthorityFile = null, bool insecureSkipTlsVerify = false)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (string.IsNullOrWhiteSpace(token))
            throw new ArgumentException($"No token for the OpenShift server {server}: pass --openshift-token (a service-account token, or `oc whoami -t`).", nameof(token));
        if (certificateAuthorityFile is not null && !File.Exists(certificateAuthorityFile))
            throw new FileNotFoundException($"The CA file '{certificateAuthorityFile}' for {server} does not exist: pass the PEM file of the cluster's CA, or leave it out to use the system's trust store.", certificateAuthorityFile);
        return new ClusterConnection(
            $"{server.GetLeftPart(UriPartial.Authority)} (token)",
            () => new KubernetesClientConfiguration
            {
                Host = server.GetLeftPart(UriPartial.Authority),
                AccessToken = token,
                SkipTlsVerify = insecureSkipTlsVerify,
                SslCaCerts = certificateAuthorityFile is null ? null : LoadCertificates(certificateAuthorityFile),
            });
    }

    /// <summary>A kubeconfig file (default: <c>$KUBECONFIG</c> or <c>~/.kube/config</c>), optionally with a context other than the current one.</summary>
    public static ClusterConnection FromKubeconfig(string? path = null, string? context = null) =>
        new(
            $"kubeconfig {path ?? "(default)"}{(context is null ? "" : $", context {context}")}",
            () => KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context));

    /// <summary>The service account of the pod the build runs in.</summary>
    public static ClusterConnection InCluster() => new("in-cluster service account", KubernetesClientConfiguration.InClusterConfig);

    /// <summary>
    /// Chooses the connection from build parameters: a server URL wins (it then needs a token); otherwise the pod's
    /// service account when running in a cluster; otherwise the kubeconfig.
    /// </summary>
    public static ClusterConnection Resolve(string? server, string? token, string? certificateAuthorityFile = null, bool insecureSkipTlsVerify = false, string? kubeconfig = null, string? context = null)
    {
        if (!string.IsNullOrWhiteSpace(server))
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"--openshift-server '{server}' is not a URL: pass the API server address, e.g. https://api.ocp.example:6443.", nameof(server));
            return FromServer(url, token ?? "", certificateAuthorityFile, insecureSkipTlsVerify);
        }
        if (kubeconfig is null && KubernetesClientConfiguration.IsInCluster())
            return InCluster();
        return FromKubeconfig(kubeconfig, context);
    }

    private static X509Certificate2Collection LoadCertificates(string pemFile)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(pemFile);
        return certificates;
    }

    internal IKubernetes CreateClient()
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = _configure();
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            throw new KubernetesDeployException($"Cannot set up the connection to the cluster ({Description}): {e.Message} Pass --openshift-server and --openshift-token, or point KUBECONFIG at a valid kubeconfig.", e);
        }
        return new k8s.Kubernetes(configuration);
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
