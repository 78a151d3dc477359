using System.Security.Cryptography;
using System.Text;
using Idp.Build.Components.Descriptor;
using k8s.Models;

namespace Idp.Build.Components.Deploy.Manifests;

public static partial class ManifestRenderer
{
    /// <summary>The name of the materialised Secret of <paramref name="service"/> (secrets mode <c>kubernetes</c>).</summary>
    public static string SecretName(string service) => $"{service}-secrets";

    private static V1Secret? Secret(RenderContext context)
    {
        var secrets = context.Environment.Secrets;
        if (secrets.Mode != SecretMode.Kubernetes || secrets.Values.Count == 0)
            return null;
        return new V1Secret
        {
            ApiVersion = V1Secret.KubeApiVersion,
            Kind = V1Secret.KubeKind,
            Metadata = Metadata(context, SecretName(context.Service.Name)),
            Type = "Opaque",
            StringData = secrets.Values.ToDictionary(v => v.Name, v => context.SecretValues![v.Name]),
        };
    }

    private static IEnumerable<V1EnvVar> SecretEnvironment(RenderContext context) =>
        context.Environment.Secrets.Values.Select(v => new V1EnvVar
        {
            Name = v.Name,
            ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = SecretName(context.Service.Name), Key = v.Name } },
        });

    // A changed value must roll the pods (env vars are read at start), yet the manifest must not reveal it: only
    // a digest over all keys and values together goes into the pod template.
    private static string SecretChecksum(V1Secret secret)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in secret.StringData.OrderBy(e => e.Key, StringComparer.Ordinal))
            text.Append(key).Append('\0').Append(value).Append('\0');
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
