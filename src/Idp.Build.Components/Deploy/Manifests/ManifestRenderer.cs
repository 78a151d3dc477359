using System.Text.RegularExpressions;
using Idp.Build.Components.Descriptor;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Manifests;

/// <summary>
/// Renders what one deploy applies — Deployment, Service, Route and (secrets mode <c>kubernetes</c>) Secret —
/// from <c>idp.yaml</c>, the environment and the pushed image. Pure: no cluster, no Vault, no clock; the same
/// input gives the same objects, so a re-run shows no diff.
/// </summary>
/// <remarks>
/// Secrets mode <c>agent</c> puts Vault Agent Injector annotations on the pod template: the agent writes each
/// value to its own file, <c>/vault/secrets/&lt;NAME&gt;</c> (the raw value, no newline), and the container gets
/// <c>IDP_SECRETS_DIRECTORY=/vault/secrets</c>. An ASP.NET Core service reads them as configuration with
/// <c>builder.Configuration.AddKeyPerFile(dir, optional: true)</c>, which maps <c>ConnectionStrings__Db</c> to
/// <c>ConnectionStrings:Db</c> just as the environment variable would. No value ever appears in a manifest.
/// </remarks>
public static partial class ManifestRenderer
{
    /// <summary>The port name on the container and the Service; the Route and the probes refer to it.</summary>
    public const string PortName = "http";

    /// <summary>The port the Service listens on inside the cluster (<c>http://&lt;service&gt;</c>).</summary>
    public const int ServicePort = 80;

    /// <summary>
    /// Renders the manifests of <paramref name="environment"/>.
    /// </summary>
    /// <param name="descriptor">The service's <c>idp.yaml</c>.</param>
    /// <param name="environment">The environment deployed to (one of the descriptor's, not <c>local</c>).</param>
    /// <param name="image">The pushed image pinned by digest, <c>registry/repository@sha256:…</c>.</param>
    /// <param name="version">The version label: the commit SHA or the version being deployed.</param>
    /// <param name="secretValues">
    /// Secrets mode <c>kubernetes</c> only: the values read from Vault, by the environment variable name of each
    /// <see cref="SecretValue"/>. Must be null for mode <c>agent</c>, where the values never pass through the build.
    /// </param>
    /// <exception cref="ArgumentException">An input cannot be deployed; the message names it and says what to give instead.</exception>
    public static DeploymentManifests Render(
        ServiceDescriptor descriptor,
        EnvironmentSettings environment,
        string image,
        string version,
        IReadOnlyDictionary<string, string>? secretValues = null)
    {
        var namespaceName = Check(descriptor, environment, image, version, secretValues);
        var context = new RenderContext(descriptor, environment, namespaceName, image, version, secretValues);
        var secret = Secret(context);
        return new DeploymentManifests(namespaceName, Deployment(context, secret), Service(context), Route(context), secret);
    }

    private static string Check(
        ServiceDescriptor descriptor, EnvironmentSettings environment, string image, string version, IReadOnlyDictionary<string, string>? secretValues)
    {
        if (environment.IsLocal || environment.Namespace is null)
        {
            throw new ArgumentException(
                $"The environment '{environment.Name}' has no OpenShift namespace, so there is nothing to render for it. " +
                "Deploy to an environment with 'namespace:' in idp.yaml ('local' runs on this machine).", nameof(environment));
        }
        if (ImageReference.Problem(image) is { } imageProblem)
            throw new ArgumentException(imageProblem, nameof(image));
        if (!NamePart().IsMatch(version))
        {
            throw new ArgumentException(
                $"The version '{version}' cannot be a label value: use at most 63 letters, digits, '-', '_' and '.', " +
                "starting and ending with a letter or digit, e.g. the commit SHA.", nameof(version));
        }
        CheckSecretValues(descriptor, environment, secretValues);
        return environment.Namespace;
    }

    private static void CheckSecretValues(ServiceDescriptor descriptor, EnvironmentSettings environment, IReadOnlyDictionary<string, string>? secretValues)
    {
        var secrets = environment.Secrets;
        if (secrets.Mode == SecretMode.Agent && secretValues is not null)
        {
            throw new ArgumentException(
                $"Secret values were given for the environment '{environment.Name}', whose secrets mode is 'agent': there the Vault Agent " +
                "reads them inside the pod and they must not pass through the build. Pass no values, or set 'mode: kubernetes'.",
                nameof(secretValues));
        }
        if (secrets.Mode == SecretMode.Agent)
        {
            // The name becomes part of an annotation key, whose name part is at most 63 characters.
            var unfit = secrets.Values.Where(v => !NamePart().IsMatch($"agent-inject-template-{v.Name}")).Select(v => v.Name).ToArray();
            if (unfit.Length > 0)
            {
                throw new ArgumentException(
                    $"The secret name(s) {string.Join(", ", unfit)} of the environment '{environment.Name}' cannot name a Vault Agent file: " +
                    "with mode 'agent' a name must be at most 41 characters and start with a letter or digit. Shorten it in idp.yaml.",
                    nameof(environment));
            }
            return;
        }
        if (secrets.Values.Count == 0)
            return;
        var missing = secrets.Values.Where(v => secretValues is null || !secretValues.ContainsKey(v.Name)).Select(v => v.Name).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"The environment '{environment.Name}' of {descriptor.Service.Name} materialises its secrets (mode 'kubernetes'), " +
                $"but no value was given for {string.Join(", ", missing)}. Read them from Vault first and pass them by name.",
                nameof(secretValues));
        }
    }

    private static Dictionary<string, string> Labels(RenderContext context) => new()
    {
        [ManifestLabels.Name] = context.Service.Name,
        [ManifestLabels.Instance] = ManifestLabels.InstanceOf(context.Service.Name, context.Environment.Name),
        [ManifestLabels.Version] = context.Version,
        [ManifestLabels.PartOf] = context.Service.Team,
        [ManifestLabels.ManagedBy] = ManifestLabels.ManagedByValue,
        [ManifestLabels.Team] = context.Service.Team,
    };

    private static Dictionary<string, string> SelectorLabels(RenderContext context) => new()
    {
        [ManifestLabels.Name] = context.Service.Name,
        [ManifestLabels.Instance] = ManifestLabels.InstanceOf(context.Service.Name, context.Environment.Name),
    };

    private static V1ObjectMeta Metadata(RenderContext context, string name) =>
        new() { Name = name, NamespaceProperty = context.Namespace, Labels = Labels(context) };

    // Label values and the name part of annotation keys share this syntax.
    [GeneratedRegex("^(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex NamePart();

    private sealed record RenderContext(
        ServiceDescriptor Descriptor,
        EnvironmentSettings Environment,
        string Namespace,
        string Image,
        string Version,
        IReadOnlyDictionary<string, string>? SecretValues)
    {
        public ServiceInfo Service => Descriptor.Service;
    }
}
