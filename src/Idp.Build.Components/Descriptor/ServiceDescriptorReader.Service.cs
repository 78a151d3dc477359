namespace Idp.Build.Components.Descriptor;

// service:, quality:, image: and buildSecrets:
public static partial class ServiceDescriptorReader
{
    private static readonly string[] ServiceKeys = ["name", "team", "language", "framework", "project", "port", "healthPath", "readinessPath"];
    private static readonly string[] QualityKeys = ["coverage", "failOn", "baseline"];
    private static readonly string[] ImageKeys = ["repository", "dockerfile", "target", "buildArgs", "labels"];
    private static readonly string[] VaultReferenceKeys = ["path", "key"];

    private static ServiceInfo ReadService(MappingReader root, ReadContext context)
    {
        if (root.Section("service", ServiceKeys, "service: { name: hello-service, team: payments }") is not { } service)
            return new ServiceInfo("", "", "", "", null, 0, "", "");
        var name = service.Text("name", DescriptorRules.DnsLabel, "name: hello-service");
        var team = service.Text("team", DescriptorRules.DnsLabel, "team: payments");
        var language = service.Text("language", CheckLanguage) ?? ServiceInfo.DefaultLanguage;
        var framework = service.Text("framework", DescriptorRules.Framework) ?? ServiceInfo.DefaultFramework;
        var project = service.Text("project", value => DescriptorRules.RelativePath(value) ?? CheckProject(value, context));
        var port = service.Integer("port", 1, 65535) ?? ServiceInfo.DefaultPort;
        var health = service.Text("healthPath", DescriptorRules.UrlPath) ?? ServiceInfo.DefaultHealthPath;
        var readiness = service.Text("readinessPath", DescriptorRules.UrlPath) ?? health;
        return new ServiceInfo(name ?? "", team ?? "", language, framework, project, port, health, readiness);
    }

    private static string? CheckLanguage(string value) =>
        value == ServiceInfo.DefaultLanguage ? null :
        $"'{value}' is not a supported language: the golden path builds '{ServiceInfo.DefaultLanguage}' services only (leave 'language' out for that).";

    private static string? CheckProject(string value, ReadContext context)
    {
        var resolved = (context.SourceFile.Parent ?? context.SourceFile) / value;
        if (!value.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            return $"'{value}' is not a C# project file: give the path of the web project's .csproj, e.g. 'src/HelloService/HelloService.csproj'.";
        return resolved.FileExists() ? null :
            $"'{value}' does not exist (looked for {resolved}). Give the .csproj path relative to the directory of the descriptor, or leave 'project' out to let the build find it.";
    }

    private static QualitySettings ReadQuality(MappingReader root)
    {
        if (root.Section("quality", QualityKeys) is not { } quality)
            return QualitySettings.Default;
        return new QualitySettings(
            quality.Number("coverage", 0, 100) ?? QualitySettings.Default.Coverage,
            quality.Choice<IssueSeverity>("failOn") ?? QualitySettings.Default.FailOn,
            quality.Text("baseline", DescriptorRules.RelativePath));
    }

    private static ImageSettings ReadImage(MappingReader root, ServiceInfo service)
    {
        var defaultRepository = $"{service.Team}/{service.Name}";
        if (root.Section("image", ImageKeys) is not { } image)
            return new ImageSettings(defaultRepository, ImageSettings.DefaultDockerfile, null, Empty, Empty);
        return new ImageSettings(
            image.Text("repository", DescriptorRules.ImageRepository) ?? defaultRepository,
            image.Text("dockerfile", DescriptorRules.RelativePath) ?? ImageSettings.DefaultDockerfile,
            image.Text("target", DescriptorRules.DockerTarget),
            image.TextMap("buildArgs", DescriptorRules.EnvironmentVariableName),
            image.TextMap("labels", DescriptorRules.LabelKey));
    }

    private static Dictionary<string, VaultSecretReference> ReadBuildSecrets(MappingReader root)
    {
        var secrets = new Dictionary<string, VaultSecretReference>(StringComparer.Ordinal);
        if (root.Entry("buildSecrets") is not { } entry)
            return secrets;
        var path = root.ChildPath("buildSecrets");
        if (entry.Value is not YamlTreeMapping mapping)
        {
            root.Report(entry.Value, "buildSecrets",
                $"Expected a mapping of secret names to Vault references (e.g. 'registryPassword: {{ path: secret/data/ci/nexus, key: password }}'), but found {entry.Value.Describe()}.");
            return secrets;
        }
        foreach (var item in mapping.Entries)
        {
            var itemPath = MappingReader.ChildPath(path, item.Key.Value);
            if (DescriptorRules.BuildSecretName(item.Key.Value) is { } nameProblem)
                root.Problems.Add(item.Key, itemPath, nameProblem);
            if (ReadVaultReference(item.Value, item.Key, itemPath, root.Problems) is { } reference)
                secrets[item.Key.Value] = reference;
        }
        return secrets;
    }

    private static VaultSecretReference? ReadVaultReference(YamlTreeNode node, YamlTreeNode owner, string path, DescriptorProblems problems)
    {
        if (MappingReader.Open(node, owner, path, problems, VaultReferenceKeys) is not { } reference)
            return null;
        var vaultPath = reference.Text("path", DescriptorRules.VaultPath, "path: secret/data/ci/nexus");
        var key = reference.Text("key", DescriptorRules.NonEmpty, "key: password");
        return vaultPath is null || key is null ? null : new VaultSecretReference(vaultPath, key);
    }

    private static Dictionary<string, string> Empty => new(StringComparer.Ordinal);
}
