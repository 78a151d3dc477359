using System.Text.Json.Nodes;
using Idp.Build.Components.Deploy.Manifests;
using Idp.Build.Components.Deploy.Plan;
using Idp.Build.Components.Descriptor;
using static Idp.Build.Components.Tests.Deploy.DeployInputs;
using static Idp.Build.Components.Tests.Deploy.Plan.ServerObjects;

namespace Idp.Build.Components.Tests.Deploy.Plan;

/// <summary>The plan compares the live objects with the server's dry run, field by field, and hides secret values.</summary>
public sealed class PlanningADeploy
{
    private static readonly EnvironmentSettings Dev = Sample.GetEnvironment("dev");

    private static JsonNode Live(string image = "", int replicas = 0) =>
        AsServerReturns(Deployment(image, replicas), generation: 4, resourceVersion: "1001", revision: "4");

    private static JsonNode DryRun(string image = "", int replicas = 0) =>
        AsServerReturns(Deployment(image, replicas), generation: 5, resourceVersion: "1002", revision: "5");

    private static k8s.Models.V1Deployment Deployment(string image, int replicas)
    {
        var environment = replicas == 0 ? Dev : Dev with { Replicas = replicas };
        return ManifestRenderer.Render(Sample, environment, image.Length == 0 ? ImageA : image, Commit).Deployment;
    }

    [Fact]
    public void An_object_that_does_not_exist_will_be_created()
    {
        var plan = DeployPlanner.Compare(null, DryRun());

        plan.ShouldBe(new ObjectPlan("Deployment", "hello-service", ObjectAction.Create, []), "no field list for a new object");
        new DeployPlan("platform-dev", [plan]).ToText().ShouldContain("+ Deployment hello-service: will be created");
    }

    [Fact]
    public void A_new_image_shows_as_the_container_s_image_field_by_container_name()
    {
        var plan = DeployPlanner.Compare(Live(ImageA), DryRun(ImageB));

        plan.Action.ShouldBe(ObjectAction.Update);
        plan.Changes.ShouldHaveSingleItem().ToString().ShouldBe(
            $"spec.template.spec.containers[hello-service].image: {ImageA} → {ImageB}");
    }

    [Fact]
    public void A_new_replica_count_shows_old_and_new_numbers()
    {
        var plan = DeployPlanner.Compare(Live(replicas: 2), DryRun(replicas: 3));

        plan.Changes.ShouldHaveSingleItem().ShouldBe(new FieldChange("spec.replicas", FieldChangeKind.Changed, "2", "3", IsRedacted: false));
    }

    [Fact]
    public void Fields_the_server_manages_are_no_change()
    {
        var plan = DeployPlanner.Compare(Live(), DryRun());

        plan.Action.ShouldBe(ObjectAction.NoChange);
        plan.Changes.ShouldBeEmpty();
        var whole = new DeployPlan("platform-dev", [plan]);
        whole.HasChanges.ShouldBeFalse();
        whole.ToText().ShouldContain("Nothing to change");
    }

    [Fact]
    public void Annotation_keys_with_dots_and_slashes_are_quoted_in_the_path()
    {
        var live = Live();
        var dryRun = DryRun();
        dryRun["spec"]!["template"]!["metadata"]!["annotations"]!["prometheus.io/path"] = "/internal/metrics";
        live["metadata"]!["labels"]!.AsObject().Remove("idp.build/team");

        var changes = DeployPlanner.Compare(live, dryRun).Changes.Select(c => c.ToString());

        changes.ShouldBe([
            "metadata.labels[\"idp.build/team\"]: (none) → platform",
            "spec.template.metadata.annotations[\"prometheus.io/path\"]: /metrics → /internal/metrics",
        ]);
    }

    [Fact]
    public void A_changed_secret_value_shows_only_that_it_changed()
    {
        JsonNode Secret(string value, string resourceVersion) => new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "hello-service-secrets", ["namespace"] = "platform-dev", ["resourceVersion"] = resourceVersion },
            ["type"] = "Opaque",
            ["data"] = new JsonObject { ["API_KEY"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)), ["KEPT"] = "a2VwdA==" },
        };
        var live = Secret("old-s3cret", "7");
        var dryRun = Secret("new-s3cret", "8");
        dryRun["data"]!["ADDED"] = "YWRkZWQ=";

        var plan = new DeployPlan("platform-dev", [DeployPlanner.Compare(live, dryRun)]);

        plan.Objects[0].Changes.ShouldBe([
            new FieldChange("data.ADDED", FieldChangeKind.Added, null, null, IsRedacted: true),
            new FieldChange("data.API_KEY", FieldChangeKind.Changed, null, null, IsRedacted: true),
        ]);
        foreach (var output in new[] { plan.ToText(), plan.ToMarkdown() })
        {
            output.ShouldContain("data.API_KEY");
            foreach (var hidden in new[] { "old-s3cret", "new-s3cret", live["data"]!["API_KEY"]!.GetValue<string>(), dryRun["data"]!["API_KEY"]!.GetValue<string>(), "YWRkZWQ=" })
                output.ShouldNotContain(hidden);
        }
        plan.ToText().ShouldContain("data.API_KEY: changed (value not shown)");
    }

    [Fact]
    public void The_markdown_lists_objects_then_a_field_table_per_changed_object()
    {
        var plan = new DeployPlan("platform-dev", [
            DeployPlanner.Compare(Live(ImageA), DryRun(ImageB)),
            new ObjectPlan("Service", "hello-service", ObjectAction.NoChange, []),
            new ObjectPlan("Route", "hello-service", ObjectAction.Create, []),
        ]);

        var markdown = plan.ToMarkdown();

        markdown.ShouldContain("| Deployment `hello-service` | 1 field changes |");
        markdown.ShouldContain("| Service `hello-service` | no change |");
        markdown.ShouldContain("| Route `hello-service` | will be created |");
        markdown.ShouldContain($"| `spec.template.spec.containers[hello-service].image` | `{ImageA}` | `{ImageB}` |");
    }

    [Fact]
    public void Typed_models_and_JSON_compare_alike()
    {
        var fromModels = DeployPlanner.Compare((object)Deployment(ImageA, 0), Deployment(ImageB, 0));

        fromModels.Changes.ShouldHaveSingleItem().Path.ShouldBe("spec.template.spec.containers[hello-service].image");
    }

    [Fact]
    public void A_route_compares_like_any_other_object()
    {
        var edge = ManifestRenderer.Render(Sample, Dev, ImageA, Commit).Route!;
        var passthrough = ManifestRenderer.Render(Sample, Dev with { Route = Dev.Route! with { Tls = RouteTls.Passthrough } }, ImageA, Commit).Route!;

        var plan = DeployPlanner.Compare(AsServerReturns(edge, 1, "10", "1"), AsServerReturns(passthrough, 2, "11", "2"));

        (plan.Kind, plan.Name, plan.Action).ShouldBe(("Route", "hello-service", ObjectAction.Update));
        plan.Changes.ShouldHaveSingleItem().ToString().ShouldBe("spec.tls.termination: edge → passthrough");
    }

    [Fact]
    public void The_text_shows_one_line_per_object_and_one_indented_line_per_field()
    {
        var plan = new DeployPlan("platform-dev", [
            DeployPlanner.Compare(Live(replicas: 2), DryRun(replicas: 3)),
            new ObjectPlan("Service", "hello-service", ObjectAction.NoChange, []),
        ]);

        plan.ToText().ShouldBe(
            "Deploy plan for namespace platform-dev:\n" +
            "  ~ Deployment hello-service: 1 field changes\n" +
            "      spec.replicas: 2 → 3\n" +
            "  = Service hello-service: no change\n");
    }
}
