namespace Company.Service;

/// <summary>Secrets the Vault Agent writes on OpenShift (idp.yaml secrets, mode agent): one file per variable.</summary>
public static class VaultAgentSecrets
{
    /// <summary>The variable naming the directory of the secret files; unset where no agent runs (tests, local).</summary>
    public const string DirectoryVariable = "IDP_SECRETS_DIRECTORY";

    /// <summary>Adds each file of <paramref name="directory"/> as a configuration value named after the file.</summary>
    public static IConfigurationBuilder AddVaultAgentSecrets(this IConfigurationBuilder configuration, string? directory) =>
        string.IsNullOrEmpty(directory) ? configuration : configuration.AddKeyPerFile(directory, optional: true);
}
