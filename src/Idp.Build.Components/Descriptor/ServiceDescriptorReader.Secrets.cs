namespace Idp.Build.Components.Descriptor;

// An environment's secrets: Vault references that become environment variables of the container.
public static partial class ServiceDescriptorReader
{
    private static readonly string[] SecretsKeys = ["mode", "role", "values"];
    private static readonly string[] SecretValueKeys = ["name", "path", "key"];

    private static SecretSettings ReadSecrets(MappingReader environment)
    {
        if (environment.Section("secrets", SecretsKeys) is not { } secrets)
            return SecretSettings.None;
        var mode = secrets.Choice<SecretMode>("mode") ?? SecretMode.Agent;
        var values = ReadSecretValues(secrets);
        var role = secrets.Text("role", DescriptorRules.NonEmpty);
        if (role is null && values.Count > 0 && secrets.Entry("role") is null)
            secrets.ReportMissing("role", "role: hello-service", "the Vault role that may read these secrets is needed when 'values' are given");
        return new SecretSettings(mode, role, values);
    }

    private static List<SecretValue> ReadSecretValues(MappingReader secrets)
    {
        var values = new List<SecretValue>();
        if (secrets.Entry("values") is not { } entry)
            return values;
        var path = secrets.ChildPath("values");
        if (entry.Value is not YamlTreeSequence sequence)
        {
            secrets.Report(entry.Value, "values",
                $"Expected a list of secrets, each '- {{ name: ConnectionStrings__Db, path: secret/data/payments/hello/db, key: password }}', but found {entry.Value.Describe()}.");
            return values;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            if (MappingReader.Open(item, item, $"{path}[{i}]", secrets.Problems, SecretValueKeys) is not { } value)
                continue;
            var name = value.Text("name", DescriptorRules.EnvironmentVariableName, "name: ConnectionStrings__Db");
            var vaultPath = value.Text("path", DescriptorRules.VaultPath, "path: secret/data/payments/hello/db");
            var key = value.Text("key", DescriptorRules.NonEmpty, "key: password");
            if (name is not null && seen.TryGetValue(name, out var first))
            {
                value.Report(value.Entry("name")!.Value, "name",
                    $"'{name}' is already set by the secret on line {first}; the container would get only one of them. Remove one.");
            }
            else if (name is not null)
            {
                seen[name] = value.Entry("name")!.Value.Line;
            }
            if (name is not null && vaultPath is not null && key is not null)
                values.Add(new SecretValue(name, vaultPath, key));
        }
        return values;
    }
}
