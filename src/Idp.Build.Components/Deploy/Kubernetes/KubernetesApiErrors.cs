using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace Idp.Build.Components.Deploy.Kubernetes;

// Turns what the API server answered into a message for the person on call: which request on which object failed,
// the server's own reason and message, and what to do about it.
internal static class KubernetesApiErrors
{
    public static KubernetesDeployException From(HttpOperationException e, ApiCall call, string server)
    {
        var code = (int)e.Response.StatusCode;
        var (reason, message, detailsKind) = ReadStatus(e.Response.Content);
        var what = $"{call.Verb} {call.Resource} \"{call.Name}\" in namespace \"{call.Namespace}\"";
        var missingNamespace = e.Response.StatusCode == HttpStatusCode.NotFound
            && (detailsKind == "namespaces" || message?.StartsWith("namespaces ", StringComparison.Ordinal) == true);
        var advice = e.Response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"The API server {server} did not accept the credentials: pass a valid --openshift-token (a service-account token, or `oc whoami -t`, which expires) or refresh the kubeconfig's login.",
            HttpStatusCode.Forbidden => $"The account may not {call.Verb} {call.Resource} in namespace \"{call.Namespace}\": grant it with a RoleBinding (e.g. `oc policy add-role-to-user edit system:serviceaccount:<ns>:<sa> -n {call.Namespace}`), or deploy with an account that has the role.",
            HttpStatusCode.NotFound when missingNamespace =>
                $"The namespace \"{call.Namespace}\" does not exist on {server}: check the environment's namespace in idp.yaml, or create it (`oc new-project {call.Namespace}`).",
            HttpStatusCode.NotFound => $"The {call.Resource} \"{call.Name}\" does not exist in \"{call.Namespace}\": deploy it first, or check the name and namespace (for routes: is this an OpenShift cluster?).",
            HttpStatusCode.Conflict => $"Another writer changed the same fields of {call.Resource} \"{call.Name}\" (idp-build applies with force, so this is a concurrent change): run the deploy again, and check who else manages the object (`oc get {call.Resource} {call.Name} -n {call.Namespace} --show-managed-fields`).",
            HttpStatusCode.UnprocessableEntity => $"The cluster rejected {call.Resource} \"{call.Name}\" as invalid: fix the field named above in idp.yaml or in the manifest override, then deploy again.",
            HttpStatusCode.UnsupportedMediaType => "The API server does not accept this patch type for the resource; this is a bug in Idp.Build, please report it with this message.",
            _ => $"Check that the API server {server} is healthy and try again.",
        };
        var said = message is null ? Shorten(e.Response.Content) : message;
        return new KubernetesDeployException($"{what} failed: {code} {reason ?? e.Response.StatusCode.ToString()}: {said}. {advice}", e, code, reason)
        {
            IsMissingNamespace = missingNamespace,
        };
    }

    public static KubernetesDeployException Unreachable(HttpRequestException e, ApiCall call, string server) =>
        new($"{call.Verb} {call.Resource} \"{call.Name}\" in namespace \"{call.Namespace}\" failed: cannot reach the API server {server} ({e.Message}). Check the server URL, the network path from this runner, and the CA (--openshift-ca-file).", e);

    private static (string? Reason, string? Message, string? DetailsKind) ReadStatus(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
            return (null, null, null);
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            string? Text(JsonElement element, string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var details = root.TryGetProperty("details", out var d) ? d : default;
            return (Text(root, "reason"), Text(root, "message"), Text(details, "kind"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string Shorten(string? body)
    {
        var oneLine = (body ?? "").ReplaceLineEndings(" ").Trim();
        return oneLine.Length == 0 ? "(empty body)" : oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}

/// <summary>One API request, named as RBAC names it: <c>patch deployments "web" in "shop"</c>.</summary>
internal sealed record ApiCall(string Verb, string Resource, string Name, string Namespace);
