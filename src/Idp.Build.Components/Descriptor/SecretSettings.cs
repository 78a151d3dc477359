namespace Idp.Build.Components.Descriptor;

/// <summary>An environment's <c>secrets:</c>: values from Vault that become environment variables of the container.</summary>
/// <param name="Mode">How the values reach the pod.</param>
/// <param name="Role">The Vault role the pod (agent) or the build (kubernetes) authenticates as; null when there are no values.</param>
/// <param name="Values">The values, in the order the file lists them.</param>
public sealed record SecretSettings(SecretMode Mode, string? Role, IReadOnlyList<SecretValue> Values)
{
    /// <summary>No secrets.</summary>
    public static SecretSettings None { get; } = new(SecretMode.Agent, null, []);
}

/// <summary>How Vault secrets reach a pod.</summary>
public enum SecretMode
{
    /// <summary>Vault Agent Injector annotations on the pod: the secret never passes through the build (the default).</summary>
    Agent,

    /// <summary>The build reads Vault and applies a Kubernetes Secret the pod references.</summary>
    Kubernetes,
}

/// <summary>One secret environment variable.</summary>
/// <param name="Name">The environment variable's name, e.g. <c>ConnectionStrings__Db</c>.</param>
/// <param name="Path">The Vault API path of the secret, e.g. <c>secret/data/payments/hello/db</c>.</param>
/// <param name="Key">The key within the secret.</param>
public sealed record SecretValue(string Name, string Path, string Key);
