using Idp.Build.Components.Deploy;
using Idp.Build.Components.Deploy.Manifests;
using k8s;
using k8s.Models;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;

namespace Idp.Build.Components.Tests.Deploy.Manifests;

/// <summary>The sample's idp.yaml, rendered for dev and production.</summary>
public sealed class RenderingTheSampleService
{
    private static DeploymentManifests Render(string environment) =>
        ManifestRenderer.Render(Sample, Sample.GetEnvironment(environment), ImageA, Commit);

    private static V1Container Container(DeploymentManifests manifests) => manifests.Deployment.Spec.Template.Spec.Containers.Single();

    [Theory]
    [InlineData("dev", "platform-dev", 2)]
    [InlineData("production", "platform-prod", 3)]
    public void The_deployment_runs_the_image_pinned_by_digest_in_the_environment_s_namespace(string environment, string namespaceName, int replicas)
    {
        var manifests = Render(environment);

        manifests.Namespace.ShouldBe(namespaceName);
        var deployment = manifests.Deployment;
        (deployment.ApiVersion, deployment.Kind).ShouldBe(("apps/v1", "Deployment"));
        (deployment.Metadata.Name, deployment.Metadata.NamespaceProperty).ShouldBe(("hello-service", namespaceName));
        deployment.Spec.Replicas.ShouldBe(replicas);
        Container(manifests).Name.ShouldBe("hello-service");
        Container(manifests).Image.ShouldBe(ImageA);
    }

    [Fact]
    public void Probes_check_the_health_and_readiness_paths_of_idp_yaml_on_the_named_port()
    {
        var container = Container(Render("dev"));

        container.Ports.Single().ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("http"), p => p.ContainerPort.ShouldBe(8080), p => p.Protocol.ShouldBe("TCP"));
        container.LivenessProbe.HttpGet.Path.ShouldBe("/health");
        container.LivenessProbe.HttpGet.Port.Value.ShouldBe("http");
        container.ReadinessProbe.HttpGet.Path.ShouldBe("/health/ready");
        container.ReadinessProbe.HttpGet.Port.Value.ShouldBe("http");
        container.Env.ShouldContain(e => e.Name == "ASPNETCORE_HTTP_PORTS" && e.Value == "8080");
    }

    [Fact]
    public void Labels_name_the_service_instance_version_team_and_manager_and_the_selector_uses_only_stable_ones()
    {
        var deployment = Render("dev").Deployment;

        var expected = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "hello-service",
            ["app.kubernetes.io/instance"] = "hello-service-dev",
            ["app.kubernetes.io/version"] = Commit,
            ["app.kubernetes.io/part-of"] = "platform",
            ["app.kubernetes.io/managed-by"] = "idp-build",
            ["idp.build/team"] = "platform",
        };
        deployment.Metadata.Labels.ShouldBe(expected, ignoreOrder: true);
        deployment.Spec.Template.Metadata.Labels.ShouldBe(expected, ignoreOrder: true);
        deployment.Spec.Selector.MatchLabels.ShouldBe(new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "hello-service",
            ["app.kubernetes.io/instance"] = "hello-service-dev",
        }, ignoreOrder: true);
        ManifestLabels.Selector("hello-service", "dev").ShouldBe("app.kubernetes.io/name=hello-service,app.kubernetes.io/instance=hello-service-dev");
    }

    [Fact]
    public void The_pod_template_asks_Prometheus_to_scrape_the_service_port()
    {
        var annotations = Render("production").Deployment.Spec.Template.Metadata.Annotations;

        annotations["prometheus.io/scrape"].ShouldBe("true");
        annotations["prometheus.io/port"].ShouldBe("8080");
        annotations["prometheus.io/path"].ShouldBe("/metrics");
    }

    [Fact]
    public void Resources_come_from_the_environment()
    {
        var resources = Container(Render("production")).Resources;

        resources.Requests["cpu"].ToString().ShouldBe("200m");
        resources.Requests["memory"].ToString().ShouldBe("256Mi");
        resources.Limits["cpu"].ToString().ShouldBe("1");
        resources.Limits["memory"].ToString().ShouldBe("512Mi");
    }

    [Fact]
    public void An_environment_without_resources_leaves_them_to_the_cluster()
    {
        var manifests = ManifestRenderer.Render(WithDev("replicas: 1"), WithDev("replicas: 1").GetEnvironment("dev"), ImageA, Commit);

        Container(manifests).Resources.ShouldBeNull();
    }

    [Fact]
    public void The_rollout_deadline_is_deploy_timeout_and_old_pods_stay_until_new_ones_are_ready()
    {
        var spec = Render("dev").Deployment.Spec;

        spec.ProgressDeadlineSeconds.ShouldBe(120);
        spec.Strategy.Type.ShouldBe("RollingUpdate");
        spec.Strategy.RollingUpdate.MaxUnavailable.Value.ShouldBe("0");
        spec.Strategy.RollingUpdate.MaxSurge.Value.ShouldBe("25%");
    }

    [Fact]
    public void The_pod_fits_OpenShift_s_restricted_security_context_constraints()
    {
        var manifests = Render("dev");
        var pod = manifests.Deployment.Spec.Template.Spec;
        var container = Container(manifests);

        pod.SecurityContext.RunAsNonRoot.ShouldBe(true);
        pod.SecurityContext.SeccompProfile.Type.ShouldBe("RuntimeDefault");
        container.SecurityContext.RunAsNonRoot.ShouldBe(true);
        container.SecurityContext.AllowPrivilegeEscalation.ShouldBe(false);
        container.SecurityContext.Capabilities.Drop.ShouldBe(["ALL"]);
        container.SecurityContext.SeccompProfile.Type.ShouldBe("RuntimeDefault");
        container.SecurityContext.RunAsUser.ShouldBeNull("OpenShift assigns the user id");
        container.SecurityContext.Privileged.ShouldNotBe(true);
    }

    [Fact]
    public void Variables_become_environment_variables_in_name_order()
    {
        var descriptor = WithDev("variables: { Z_LAST: z, ASPNETCORE_ENVIRONMENT: Development, FEATURE_X: true }");

        var env = Container(ManifestRenderer.Render(descriptor, descriptor.GetEnvironment("dev"), ImageA, Commit)).Env;

        env.Select(e => $"{e.Name}={e.Value}").ShouldBe(
            ["ASPNETCORE_ENVIRONMENT=Development", "FEATURE_X=true", "Z_LAST=z", "ASPNETCORE_HTTP_PORTS=8080"]);
    }

    [Fact]
    public void The_service_is_a_cluster_ip_on_the_named_port()
    {
        var service = Render("dev").Service;

        (service.ApiVersion, service.Kind, service.Metadata.Name).ShouldBe(("v1", "Service", "hello-service"));
        service.Spec.Type.ShouldBe("ClusterIP");
        service.Spec.Selector.ShouldBe(Render("dev").Deployment.Spec.Selector.MatchLabels, ignoreOrder: true);
        var port = service.Spec.Ports.Single();
        (port.Name, port.Port, port.TargetPort.Value).ShouldBe(("http", 80, "http"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("production")]
    public void The_same_input_renders_identical_objects(string environment)
    {
        string Json(DeploymentManifests m) =>
            KubernetesJson.Serialize(m.Deployment) + KubernetesJson.Serialize(m.Service) + KubernetesJson.Serialize(m.Route);

        Json(Render(environment)).ShouldBe(Json(Render(environment)));
    }

    [Fact]
    public void A_new_version_changes_the_version_label_but_not_the_selector()
    {
        var first = ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), ImageA, "1.0.0");
        var second = ManifestRenderer.Render(Sample, Sample.GetEnvironment("dev"), ImageB, "1.0.1");

        second.Deployment.Spec.Template.Metadata.Labels["app.kubernetes.io/version"].ShouldBe("1.0.1");
        KubernetesJson.Serialize(second.Deployment.Spec.Selector).ShouldBe(KubernetesJson.Serialize(first.Deployment.Spec.Selector));
    }
}
