using System.Globalization;
using Idp.Build.Components.Descriptor;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Manifests;

public static partial class ManifestRenderer
{
    private const string MetricsPath = "/metrics";

    private static V1Deployment Deployment(RenderContext context, V1Secret? secret) => new()
    {
        ApiVersion = $"{V1Deployment.KubeGroup}/{V1Deployment.KubeApiVersion}",
        Kind = V1Deployment.KubeKind,
        Metadata = Metadata(context, context.Service.Name),
        Spec = new V1DeploymentSpec
        {
            Replicas = context.Environment.Replicas,
            Selector = new V1LabelSelector { MatchLabels = SelectorLabels(context) },
            ProgressDeadlineSeconds = (int)Math.Ceiling(context.Descriptor.Deploy.Timeout.TotalSeconds),
            // New pods must be ready before an old one goes: a failing rollout never lowers capacity.
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = 0 },
            },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels(context), Annotations = PodAnnotations(context, secret) },
                Spec = PodSpec(context),
            },
        },
    };

    private static Dictionary<string, string> PodAnnotations(RenderContext context, V1Secret? secret)
    {
        var annotations = new Dictionary<string, string>
        {
            ["prometheus.io/scrape"] = "true",
            ["prometheus.io/port"] = context.Service.Port.ToString(CultureInfo.InvariantCulture),
            ["prometheus.io/path"] = MetricsPath,
            // The Vault Agent adds containers; logs and exec should still land in the service's own.
            ["kubectl.kubernetes.io/default-container"] = context.Service.Name,
        };
        if (context.Environment.Secrets is { Mode: SecretMode.Agent, Values.Count: > 0 } agentSecrets)
        {
            foreach (var (key, value) in VaultAgentAnnotations.For(agentSecrets))
                annotations[key] = value;
        }
        if (secret is not null)
            annotations[ManifestLabels.SecretChecksum] = SecretChecksum(secret);
        return annotations;
    }

    private static V1PodSpec PodSpec(RenderContext context) => new()
    {
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Containers = [Container(context)],
    };

    private static V1Container Container(RenderContext context) => new()
    {
        Name = context.Service.Name,
        Image = context.Image,
        ImagePullPolicy = "IfNotPresent",
        Ports = [new V1ContainerPort { Name = PortName, ContainerPort = context.Service.Port, Protocol = "TCP" }],
        Env = Environment(context),
        Resources = Resources(context.Environment.Resources),
        LivenessProbe = HttpProbe(context.Service.HealthPath, initialDelaySeconds: 10, periodSeconds: 10),
        ReadinessProbe = HttpProbe(context.Service.ReadinessPath, initialDelaySeconds: 0, periodSeconds: 5),
        // Fit for OpenShift's restricted SCC, which also assigns the (random, non-root) user id.
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            RunAsNonRoot = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
    };

    private static List<V1EnvVar> Environment(RenderContext context)
    {
        var variables = context.Environment.Variables;
        var env = variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Variable(v.Key, v.Value)).ToList();
        // The golden path's services are ASP.NET Core: make them listen on the port idp.yaml declares.
        if (!variables.ContainsKey("ASPNETCORE_HTTP_PORTS") && !variables.ContainsKey("ASPNETCORE_URLS"))
            env.Add(Variable("ASPNETCORE_HTTP_PORTS", context.Service.Port.ToString(CultureInfo.InvariantCulture)));
        var secrets = context.Environment.Secrets;
        if (secrets.Values.Count == 0)
            return env;
        if (secrets.Mode == SecretMode.Agent)
            env.Add(Variable(VaultAgentAnnotations.DirectoryVariable, VaultAgentAnnotations.Directory));
        else
            env.AddRange(SecretEnvironment(context));
        return env;
    }

    private static V1EnvVar Variable(string name, string value) => new() { Name = name, Value = value };

    private static V1ResourceRequirements? Resources(ResourceSettings resources)
    {
        if (resources.Requests.IsEmpty && resources.Limits.IsEmpty)
            return null;
        return new V1ResourceRequirements { Requests = Quantities(resources.Requests), Limits = Quantities(resources.Limits) };
    }

    private static Dictionary<string, ResourceQuantity>? Quantities(ResourceQuantities quantities)
    {
        if (quantities.IsEmpty)
            return null;
        var result = new Dictionary<string, ResourceQuantity>();
        if (quantities.Cpu is { } cpu)
            result["cpu"] = new ResourceQuantity(cpu);
        if (quantities.Memory is { } memory)
            result["memory"] = new ResourceQuantity(memory);
        return result;
    }

    private static V1Probe HttpProbe(string path, int initialDelaySeconds, int periodSeconds) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = PortName, Scheme = "HTTP" },
        InitialDelaySeconds = initialDelaySeconds,
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 2,
        FailureThreshold = 3,
    };
}
