namespace Idp.Build.Components.Descriptor;

// environments: one entry per environment; 'local' is this machine, every other one a cluster namespace.
public static partial class ServiceDescriptorReader
{
    private static readonly string[] LocalKeys = ["replicas", "resources", "variables", "secrets", "secretsFile"];
    private static readonly string[] ClusterKeys = ["namespace", "replicas", "route", "resources", "variables", "secrets", "production"];
    private static readonly string[] RouteKeys = ["host", "tls"];
    private static readonly string[] ResourceKeys = ["requests", "limits"];
    private static readonly string[] QuantityKeys = ["cpu", "memory"];
    private static readonly string[] ProductionNames = ["production", "prod"];

    private static List<EnvironmentSettings> ReadEnvironments(MappingReader root, ServiceInfo service)
    {
        var environments = new List<EnvironmentSettings>();
        const string example = "environments: { local: {} }";
        if (root.Entry("environments") is not { } entry)
        {
            root.ReportMissing("environments", example, "at least one environment is needed");
            return environments;
        }
        if (entry.Value is not YamlTreeMapping { Entries.Count: > 0 } mapping)
        {
            root.Report(entry.Value, "environments", $"Expected a mapping of at least one environment name to its settings (e.g. '{example}'), but found {entry.Value.Describe()}.");
            return environments;
        }
        var path = root.ChildPath("environments");
        foreach (var item in mapping.Entries)
        {
            var name = item.Key.Value;
            var itemPath = MappingReader.ChildPath(path, name);
            if (DescriptorRules.DnsLabel(name) is { } nameProblem)
                root.Problems.Add(item.Key, itemPath, nameProblem);
            // 'local: {}' and a bare 'local:' mean the same: an environment with every default.
            var value = item.Value is YamlTreeScalar { Kind: ScalarKind.Null } ? new YamlTreeMapping([], item.Value.Line, item.Value.Column) : item.Value;
            var isLocal = name == EnvironmentSettings.LocalName;
            if (OpenEnvironment(value, item.Key, itemPath, root.Problems, isLocal) is { } environment)
                environments.Add(isLocal ? ReadLocal(environment, name) : ReadCluster(environment, name, service));
        }
        return environments;
    }

    private static MappingReader? OpenEnvironment(YamlTreeNode node, YamlTreeNode owner, string path, DescriptorProblems problems, bool isLocal)
    {
        if (node is YamlTreeMapping mapping)
        {
            var misplaced = isLocal ? ClusterKeys.Except(LocalKeys) : LocalKeys.Except(ClusterKeys);
            foreach (var key in mapping.Entries.Select(e => e.Key).Where(k => misplaced.Contains(k.Value)))
            {
                problems.Add(key, MappingReader.ChildPath(path, key.Value), isLocal
                    ? $"'{key.Value}' does not apply to 'local', which runs the service on this machine, not on a cluster. Remove it."
                    : $"'{key.Value}' applies to 'local' only; on a cluster secrets come from Vault through 'secrets:'. Remove it.");
            }
            node = new YamlTreeMapping(mapping.Entries.Where(e => !misplaced.Contains(e.Key.Value)).ToArray(), mapping.Line, mapping.Column);
        }
        return MappingReader.Open(node, owner, path, problems, isLocal ? LocalKeys : ClusterKeys);
    }

    private static EnvironmentSettings ReadLocal(MappingReader environment, string name) => CheckSecretsAreNotVariables(environment, new(
        name,
        Namespace: null,
        environment.Integer("replicas", 0, 50) ?? EnvironmentSettings.DefaultReplicas,
        Route: null,
        ReadResources(environment),
        environment.TextMap("variables", DescriptorRules.EnvironmentVariableName),
        ReadSecrets(environment),
        environment.Text("secretsFile", DescriptorRules.RelativePath),
        IsProduction: false));

    private static EnvironmentSettings ReadCluster(MappingReader environment, string name, ServiceInfo service)
    {
        var team = service.Team.Length > 0 ? service.Team : "payments";
        return CheckSecretsAreNotVariables(environment, new EnvironmentSettings(
            name,
            environment.Text("namespace", DescriptorRules.DnsLabel, $"namespace: {team}-{name}"),
            environment.Integer("replicas", 0, 50) ?? EnvironmentSettings.DefaultReplicas,
            ReadRoute(environment),
            ReadResources(environment),
            environment.TextMap("variables", DescriptorRules.EnvironmentVariableName),
            ReadSecrets(environment),
            SecretsFile: null,
            environment.Boolean("production") ?? ProductionNames.Contains(name)));
    }

    private static EnvironmentSettings CheckSecretsAreNotVariables(MappingReader environment, EnvironmentSettings settings)
    {
        foreach (var secret in settings.Secrets.Values.Where(s => settings.Variables.ContainsKey(s.Name)))
        {
            // Variables were read from this mapping, so the clashing key is in it.
            var variables = (YamlTreeMapping)environment.Entry("variables")!.Value;
            environment.Problems.Add(variables.Find(secret.Name)!.Key, MappingReader.ChildPath(environment.ChildPath("variables"), secret.Name),
                $"'{secret.Name}' is set both here and as a secret under 'secrets.values'; the container would get only one of them. Keep one.");
        }
        return settings;
    }

    private static RouteSettings? ReadRoute(MappingReader environment)
    {
        if (environment.Section("route", RouteKeys) is not { } route)
            return null;
        var host = route.Text("host", DescriptorRules.DnsSubdomain, "host: hello-dev.apps.example.com");
        return new RouteSettings(host ?? "", route.Choice<RouteTls>("tls") ?? RouteTls.Edge);
    }

    private static ResourceSettings ReadResources(MappingReader environment)
    {
        if (environment.Section("resources", ResourceKeys) is not { } resources)
            return ResourceSettings.None;
        var requests = ReadQuantities(resources, "requests");
        var limits = ReadQuantities(resources, "limits");
        CheckRequestWithinLimit(resources, "cpu", requests.Cpu, limits.Cpu);
        CheckRequestWithinLimit(resources, "memory", requests.Memory, limits.Memory);
        return new ResourceSettings(requests, limits);
    }

    private static ResourceQuantities ReadQuantities(MappingReader resources, string key) =>
        resources.Section(key, QuantityKeys) is { } quantities
            ? new ResourceQuantities(quantities.Quantity("cpu", KubernetesQuantity.CheckCpu), quantities.Quantity("memory", KubernetesQuantity.CheckMemory))
            : ResourceQuantities.None;

    private static void CheckRequestWithinLimit(MappingReader resources, string resource, string? request, string? limit)
    {
        if (request is null || limit is null || KubernetesQuantity.Parse(request) <= KubernetesQuantity.Parse(limit))
            return;
        var requests = (YamlTreeMapping)resources.Entry("requests")!.Value;
        resources.Problems.Add(requests.Find(resource)!.Value, $"{resources.ChildPath("requests")}.{resource}",
            $"The request {request} is more than the limit {limit}; Kubernetes rejects a request above its limit. Lower the request or raise the limit.");
    }
}
