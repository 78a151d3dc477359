using System.Text.Json.Nodes;
using Idp.Build.Components.Deploy.Plan;

namespace Idp.Build.Components.Tests.Deploy.Plan;

/// <summary>Rendered objects dressed as the API server returns them: with the fields the server manages.</summary>
internal static class ServerObjects
{
    public static JsonNode AsServerReturns(object rendered, int generation, string resourceVersion, string revision)
    {
        var json = DeployPlanner.ToJson(rendered).DeepClone();
        var metadata = json["metadata"]!.AsObject();
        metadata["uid"] = "3c1e8a52-7d0b-4c55-9a0e-1f2d3c4b5a69";
        metadata["resourceVersion"] = resourceVersion;
        metadata["generation"] = generation;
        metadata["creationTimestamp"] = "2026-11-01T09:00:00Z";
        metadata["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "idp-build", ["operation"] = "Apply", ["time"] = $"2026-11-0{generation}T09:00:00Z" });
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations["deployment.kubernetes.io/revision"] = revision;
        metadata["annotations"] = annotations;
        json["status"] = new JsonObject { ["observedGeneration"] = generation, ["replicas"] = 2 };
        return json;
    }
}
