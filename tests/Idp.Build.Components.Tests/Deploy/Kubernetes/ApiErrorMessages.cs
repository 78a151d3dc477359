using Idp.Build.Components.Deploy.Kubernetes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes;

/// <summary>When the API server refuses, the message names the request, the object, the server's reason, and what to do.</summary>
public class ApiErrorMessages : FakeKubernetesScope
{
    [Fact]
    public async Task A_rejected_token_points_at_the_openshift_token()
    {
        using var deployer = Deployer(token: "sha256~expired");

        var error = await Should.ThrowAsync<KubernetesDeployException>(() => deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good, secret: false), Report, CancellationToken.None));

        error.StatusCode.ShouldBe(401);
        error.Message.ShouldStartWith("patch deployments \"orders\" in namespace \"shop\" failed: 401 Unauthorized: Unauthorized.");
        error.Message.ShouldContain("--openshift-token");
    }

    [Fact]
    public async Task Missing_rbac_names_the_verb_resource_and_namespace()
    {
        Cluster.Forbid("patch", "routes");
        using var deployer = Deployer();

        var error = await Should.ThrowAsync<KubernetesDeployException>(() => deployer.ApplyAsync(SampleManifests.For(Ns, SampleManifests.Good), Report, CancellationToken.None));

        error.StatusCode.ShouldBe(403);
        error.Reason.ShouldBe("Forbidden");
        error.Message.ShouldContain($"User \"{FakeKubernetes.User}\" cannot patch resource \"routes\" in API group \"route.openshift.io\"");
        error.Message.ShouldContain("The account may not patch routes in namespace \"shop\": grant it with a RoleBinding");
    }

    [Fact]
    public async Task A_missing_namespace_says_to_check_idp_yaml_or_create_it()
    {
        using var deployer = Deployer();

        var error = await Should.ThrowAsync<KubernetesDeployException>(() => deployer.ApplyAsync(SampleManifests.For("shop-staging", SampleManifests.Good), Report, CancellationToken.None));

        error.StatusCode.ShouldBe(404);
        error.Message.ShouldContain("namespaces \"shop-staging\" not found");
        error.Message.ShouldContain("The namespace \"shop-staging\" does not exist");
        error.Message.ShouldContain("oc new-project shop-staging");
    }

    [Fact]
    public async Task Reading_from_a_missing_namespace_is_an_error_not_an_empty_plan()
    {
        using var deployer = Deployer();

        await Should.ThrowAsync<KubernetesDeployException>(() => deployer.ReadCurrentAsync(SampleManifests.For("shop-staging", SampleManifests.Good), CancellationToken.None));
    }

    [Fact]
    public async Task Waiting_for_a_deployment_that_does_not_exist_names_it()
    {
        using var deployer = Deployer();

        var error = await Should.ThrowAsync<KubernetesDeployException>(() => deployer.WaitForRolloutAsync(Ns, "ghost", TimeSpan.FromSeconds(5), Report, CancellationToken.None));

        error.Message.ShouldStartWith("get deployments \"ghost\" in namespace \"shop\" failed: 404 NotFound: deployments.apps \"ghost\" not found.");
    }
}
