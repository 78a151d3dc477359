using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Deploy.Manifests;

// The Vault Agent Injector's pod-template annotations (api-contracts §1.7). Each value becomes one file holding
// just the value, named after its environment variable, so ASP.NET Core's key-per-file configuration reads it
// under the same key the variable would have had.
internal static class VaultAgentAnnotations
{
    public const string Prefix = "vault.hashicorp.com/";
    public const string Directory = "/vault/secrets";
    public const string DirectoryVariable = "IDP_SECRETS_DIRECTORY";

    public static IEnumerable<KeyValuePair<string, string>> For(SecretSettings secrets)
    {
        yield return new($"{Prefix}agent-inject", "true");
        yield return new($"{Prefix}role", secrets.Role ?? "");
        foreach (var value in secrets.Values)
        {
            yield return new($"{Prefix}agent-inject-secret-{value.Name}", value.Path);
            yield return new($"{Prefix}agent-inject-template-{value.Name}", Template(value));
        }
    }

    // A consul-template reading one key; 'index' because keys such as 'api-key' are not template identifiers.
    private static string Template(SecretValue value)
    {
        var data = IsKvVersion2(value.Path) ? ".Data.data" : ".Data";
        return $"{{{{- with secret {Quoted(value.Path)} -}}}}{{{{ index {data} {Quoted(value.Key)} }}}}{{{{- end }}}}";
    }

    // KV v2 API paths put 'data' right after the mount: secret/data/<path>.
    private static bool IsKvVersion2(string path) => path.Split('/') is [_, "data", _, ..];

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
