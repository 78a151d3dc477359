using System.Text.Json.Nodes;
using Idp.Testing.Kubernetes;

namespace Idp.Build.Components.Tests.Deploy.Kubernetes.FakeContract;

/// <summary>The fake answers PATCH as api-contracts.md §2.1 documents server-side apply and the other patch types.</summary>
public class ServerSideApplyContract : FakeKubernetesScope
{
    private const string Apply = RawObjects.DeploymentPath + "?fieldManager=idp-build&force=true";

    [Fact]
    public async Task Apply_creates_with_201_then_updates_with_200()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (created, first) = await raw.PatchAsync(Apply, RawObjects.Deployment());
        var (updated, second) = await raw.PatchAsync(Apply, RawObjects.Deployment(replicas: 3));

        created.ShouldBe(201);
        updated.ShouldBe(200);
        ((string?)second["metadata"]!["uid"]).ShouldBe((string?)first["metadata"]!["uid"]);
        long.Parse((string)second["metadata"]!["resourceVersion"]!).ShouldBeGreaterThan(long.Parse((string)first["metadata"]!["resourceVersion"]!));
        ((int)second["spec"]!["replicas"]!).ShouldBe(3);
    }

    [Fact]
    public async Task Apply_records_the_manager_as_owner_in_managed_fields()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (_, body) = await raw.PatchAsync(Apply, RawObjects.Deployment());

        var entry = body["metadata"]!["managedFields"]!.AsArray().Single()!;
        ((string?)entry["manager"]).ShouldBe("idp-build");
        ((string?)entry["operation"]).ShouldBe("Apply");
        ((string?)entry["fieldsType"]).ShouldBe("FieldsV1");
        entry["fieldsV1"]!["f:spec"]!["f:replicas"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Apply_without_field_manager_is_422_with_the_documented_cause()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.PatchAsync(RawObjects.DeploymentPath, RawObjects.Deployment());

        status.ShouldBe(422);
        ((string?)body["kind"]).ShouldBe("Status");
        ((string?)body["reason"]).ShouldBe("Invalid");
        ((string?)body["message"]).ShouldBe("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        ((string?)body["details"]!["causes"]![0]!["reason"]).ShouldBe("FieldValueRequired");
        ((int)body["code"]!).ShouldBe(422);
    }

    [Fact]
    public async Task Apply_of_a_field_another_manager_owns_is_409_without_force()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(RawObjects.DeploymentPath + "?fieldManager=kubectl-client-side-apply", RawObjects.Deployment(replicas: 2));

        var (status, body) = await raw.PatchAsync(RawObjects.DeploymentPath + "?fieldManager=idp-build", RawObjects.Deployment(replicas: 3));

        status.ShouldBe(409);
        ((string?)body["reason"]).ShouldBe("Conflict");
        ((string?)body["message"]).ShouldBe("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas");
        ((string?)body["details"]!["causes"]![0]!["reason"]).ShouldBe("FieldManagerConflict");
        ((string?)body["details"]!["causes"]![0]!["field"]).ShouldBe(".spec.replicas");
    }

    [Fact]
    public async Task Apply_with_force_takes_the_field_over()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(RawObjects.DeploymentPath + "?fieldManager=kubectl-client-side-apply", RawObjects.Deployment(replicas: 2));

        var (status, body) = await raw.PatchAsync(Apply, RawObjects.Deployment(replicas: 3));

        status.ShouldBe(200);
        var managers = body["metadata"]!["managedFields"]!.AsArray().Select(m => (string?)m!["manager"]).ToList();
        managers.ShouldBe(["idp-build"]);
    }

    [Fact]
    public async Task Generation_moves_only_when_the_spec_changes()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment());
        var labelled = RawObjects.Deployment();
        labelled["metadata"]!["labels"]!["team"] = "shop";

        var (_, afterLabel) = await raw.PatchAsync(Apply, labelled);
        var (_, afterImage) = await raw.PatchAsync(Apply, RawObjects.Deployment(image: "registry/web@sha256:bbb"));

        ((long)afterLabel["metadata"]!["generation"]!).ShouldBe(1);
        ((long)afterImage["metadata"]!["generation"]!).ShouldBe(2);
    }

    [Fact]
    public async Task Dry_run_answers_the_result_and_stores_nothing()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.PatchAsync(Apply + "&dryRun=All", RawObjects.Deployment());

        status.ShouldBe(201);
        ((int)body["spec"]!["progressDeadlineSeconds"]!).ShouldBe(600);
        Cluster.Get(KubeResource.Deployments, "shop", "web").ShouldBeNull();
        (await raw.GetAsync(RawObjects.DeploymentPath)).Status.ShouldBe(404);
    }

    [Fact]
    public async Task An_unknown_patch_type_is_415()
    {
        using var raw = new RawKubernetes(Cluster.Url);

        var (status, body) = await raw.PatchAsync(Apply, RawObjects.Deployment(), "text/plain");

        status.ShouldBe(415);
        ((string?)body["reason"]).ShouldBe("UnsupportedMediaType");
    }

    [Fact]
    public async Task A_strategic_merge_patch_on_a_route_is_415()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync("/apis/route.openshift.io/v1/namespaces/shop/routes/web?fieldManager=idp-build", RawObjects.Route());

        var (status, _) = await raw.PatchAsync("/apis/route.openshift.io/v1/namespaces/shop/routes/web", new JsonObject { ["spec"] = new JsonObject { ["path"] = "/" } }, "application/strategic-merge-patch+json");

        status.ShouldBe(415);
    }

    [Fact]
    public async Task Force_on_a_merge_patch_is_422()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment());

        var (status, body) = await raw.PatchAsync(RawObjects.DeploymentPath + "?force=true", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 2 } }, RawKubernetes.MergePatch);

        status.ShouldBe(422);
        ((string?)body["message"]).ShouldEndWith("force: Forbidden: may not be specified for non-apply patch");
    }

    [Fact]
    public async Task Merge_and_json_patches_change_the_stored_object()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        await raw.PatchAsync(Apply, RawObjects.Deployment());

        var (mergeStatus, merged) = await raw.PatchAsync(RawObjects.DeploymentPath, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 4 } }, RawKubernetes.MergePatch);
        var patch = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/spec/template/spec/containers/0/image", ["value"] = "registry/web@sha256:ccc" });
        var (jsonStatus, patched) = await raw.PatchAsync(RawObjects.DeploymentPath, patch, RawKubernetes.JsonPatch);

        mergeStatus.ShouldBe(200);
        ((int)merged["spec"]!["replicas"]!).ShouldBe(4);
        jsonStatus.ShouldBe(200);
        ((string?)patched["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]).ShouldBe("registry/web@sha256:ccc");
        ((int)patched["spec"]!["replicas"]!).ShouldBe(4);
    }

    [Fact]
    public async Task Apply_removes_a_field_the_manager_no_longer_sets()
    {
        using var raw = new RawKubernetes(Cluster.Url);
        var labelled = RawObjects.Deployment();
        labelled["metadata"]!["labels"]!["team"] = "shop";
        await raw.PatchAsync(Apply, labelled);

        var (_, body) = await raw.PatchAsync(Apply, RawObjects.Deployment());

        body["metadata"]!["labels"]!["team"].ShouldBeNull();
        ((string?)body["metadata"]!["labels"]!["app"]).ShouldBe("web");
    }
}
