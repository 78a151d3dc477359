using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.GitLab;

// Environments (GET ?name=, POST, PUT, POST …/stop) and deployments (POST, PUT).
public sealed partial class FakeGitLab
{
    private static readonly string[] Tiers = ["production", "staging", "testing", "development", "other"];
    private static readonly string[] DeploymentStates = ["running", "success", "failed", "canceled"];

    private static (int, object) ListEnvironments(HttpContext context, FakeProject project, RequestParameters parameters) =>
        Page(context, project.Environments.Where(e => parameters["name"] is not { } name || e.Name == name).Select(EnvironmentJson).ToList(), parameters);

    private (int, object) PostEnvironment(FakeProject project, RequestParameters parameters)
    {
        var name = parameters["name"];
        if (string.IsNullOrEmpty(name))
            return Missing("name");
        if (parameters["tier"] is { } tier && !Tiers.Contains(tier))
            return Invalid("tier");
        if (project.Environments.Any(e => e.Name == name))
            return (400, new { message = new Dictionary<string, string[]> { ["name"] = ["has already been taken"] } });
        var environment = new FakeEnvironment { Id = NextId(), Name = name, ExternalUrl = parameters["external_url"], Tier = parameters["tier"] ?? "other" };
        project.Environments.Add(environment);
        return (201, EnvironmentJson(environment));
    }

    private static (int, object) PutEnvironment(FakeProject project, string id, RequestParameters parameters)
    {
        var environment = project.Environments.FirstOrDefault(e => e.Id.ToString(CultureInfo.InvariantCulture) == id);
        if (environment is null)
            return (404, new { message = "404 Not found" });
        if (parameters.Has("name"))
            return (400, new { error = "name is not allowed: environments cannot be renamed" });
        if (parameters["tier"] is { } tier && !Tiers.Contains(tier))
            return Invalid("tier");
        environment.ExternalUrl = parameters["external_url"] ?? environment.ExternalUrl;
        environment.Tier = parameters["tier"] ?? environment.Tier;
        return (200, EnvironmentJson(environment));
    }

    private static (int, object) StopEnvironment(FakeProject project, string id)
    {
        var environment = project.Environments.FirstOrDefault(e => e.Id.ToString(CultureInfo.InvariantCulture) == id);
        if (environment is null)
            return (404, new { message = "404 Not found" });
        environment.State = "stopped";
        return (200, EnvironmentJson(environment));
    }

    private (int, object) PostDeployment(FakeProject project, RequestParameters parameters)
    {
        foreach (var required in new[] { "environment", "sha", "ref", "tag", "status" })
        {
            if (string.IsNullOrEmpty(parameters[required]))
                return Missing(required);
        }
        if (!DeploymentStates.Contains(parameters["status"]))
            return Invalid("status");
        var name = parameters["environment"]!;
        var environment = project.Environments.FirstOrDefault(e => e.Name == name);
        if (environment is null)
        {
            environment = new FakeEnvironment { Id = NextId(), Name = name };
            project.Environments.Add(environment);
        }
        var deployment = new FakeDeployment
        {
            Id = NextId(),
            Iid = project.Deployments.Count + 1,
            Ref = parameters["ref"]!,
            Sha = parameters["sha"]!,
            Tag = parameters["tag"] == "true",
            Status = parameters["status"]!,
            Environment = environment,
        };
        project.Deployments.Add(deployment);
        return (201, DeploymentJson(deployment));
    }

    private static (int, object) PutDeployment(FakeProject project, string id, RequestParameters parameters)
    {
        var deployment = project.Deployments.FirstOrDefault(d => d.Id.ToString(CultureInfo.InvariantCulture) == id);
        if (deployment is null)
            return (404, new { message = "404 Not found" });
        var status = parameters["status"];
        if (string.IsNullOrEmpty(status))
            return Missing("status");
        if (!DeploymentStates.Contains(status))
            return Invalid("status");
        if (deployment.Status != "running" && deployment.Status != status)
            return (400, new { message = $"Cannot transition status via :{status} from :{deployment.Status}" });
        deployment.Status = status;
        return (200, DeploymentJson(deployment));
    }

    private static object EnvironmentJson(FakeEnvironment environment) => new Dictionary<string, object?>
    {
        ["id"] = environment.Id,
        ["name"] = environment.Name,
        ["slug"] = environment.Name.ToLowerInvariant().Replace('/', '-'),
        ["external_url"] = environment.ExternalUrl,
        ["state"] = environment.State,
        ["tier"] = environment.Tier,
    };

    private static object DeploymentJson(FakeDeployment deployment) => new Dictionary<string, object?>
    {
        ["id"] = deployment.Id,
        ["iid"] = deployment.Iid,
        ["ref"] = deployment.Ref,
        ["sha"] = deployment.Sha,
        ["created_at"] = DateTimeOffset.UtcNow,
        ["status"] = deployment.Status,
        ["user"] = Author,
        ["environment"] = new Dictionary<string, object?> { ["id"] = deployment.Environment.Id, ["name"] = deployment.Environment.Name, ["external_url"] = deployment.Environment.ExternalUrl },
        ["deployable"] = null,
    };
}
