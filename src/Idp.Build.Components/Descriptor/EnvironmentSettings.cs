namespace Idp.Build.Components.Descriptor;

/// <summary>One entry of <c>environments:</c>: where and how the service runs there.</summary>
/// <param name="Name">The environment's name, a DNS-1123 label; <c>local</c> is this machine.</param>
/// <param name="Namespace">The OpenShift namespace; null only for <c>local</c>.</param>
/// <param name="Replicas">How many pods (0–50).</param>
/// <param name="Route">The OpenShift Route; null for none.</param>
/// <param name="Resources">CPU and memory requests and limits; empty when not given.</param>
/// <param name="Variables">Environment variables of the container.</param>
/// <param name="Secrets">Values read from Vault into environment variables.</param>
/// <param name="SecretsFile">For <c>local</c> only: a dotenv file of secrets kept out of Git; null for none.</param>
/// <param name="IsProduction">True for a production environment (given, or by default for the names <c>production</c> and <c>prod</c>).</param>
public sealed record EnvironmentSettings(
    string Name,
    string? Namespace,
    int Replicas,
    RouteSettings? Route,
    ResourceSettings Resources,
    IReadOnlyDictionary<string, string> Variables,
    SecretSettings Secrets,
    string? SecretsFile,
    bool IsProduction)
{
    /// <summary>The name of the environment on the developer's own machine.</summary>
    public const string LocalName = "local";

    /// <summary>The replica count used when none is given.</summary>
    public const int DefaultReplicas = 1;

    /// <summary>True for the <c>local</c> environment (this machine, no cluster).</summary>
    public bool IsLocal => Name == LocalName;
}
