namespace Idp.Docs.Tests.Coverage;

/// <summary>
/// The reviewed map of heavy commands (Docker, a whole solution build, a cluster) to the existing tests that run
/// them. Every other command of the docs is run by a doc test of this project.
/// </summary>
public static class MappedCommands
{
    private const string Components = "Idp.Build.Components.Tests.";
    private const string GeneratedRepository = "Idp.Templates.Tests.GeneratedRepositoryBuilds.Build_sh_Compile_Test_passes_with_the_sdk_from_the_feed";
    private const string LocalDeploy = Components + "Deploy.LocalEnvironment.A_healthy_deploy_serves_and_a_crashing_version_is_rolled_back_while_the_old_one_keeps_serving";
    private const string LocalDoraDeploy = Components + "Deploy.DeployEventInIdpDora.A_local_deploy_reaches_the_local_Idp_Dora_and_shows_in_the_DORA_metrics";
    private const string Adopt = "Idp.Adopt.Tests.";
    private const string AdoptedGoldenPath = Adopt + "AdoptedRepositoriesRunTheGoldenPath.Compile_Test_SonarGate_and_a_local_deploy_pass_with_no_edit";
    private const string ProductionDeploy = Components + "Deploy.OpenShift.DeployingToOpenShift.A_production_deploy_prints_the_plan_before_applying_and_Rollback_restores_the_previous_revision";

    /// <summary>The map.</summary>
    public static readonly IReadOnlyList<MappedCommand> All =
    [
        new("./build.sh Demo",
            ["Idp.Templates.Tests.RunningTheDemo.Demo_deploys_a_scaffolded_service_with_no_edits_and_reports_it_then_stops_the_platform"],
            "The Demo target run for real on a Docker engine, with its own ports, folders and service name: packs, scaffolds, deploys locally, reports the lead time, stops the platform."),
        new("./build.sh Test",
            [],
            "This is the test run itself: CI runs it, and it runs this test. Its plan is checked here."),
        new("./build.sh Pack",
            [GeneratedRepository],
            "The test packs Idp.Build and Idp.Build.Components with dotnet pack as Pack does and builds a generated repository against them. Pack's plan is checked here."),
        new("./build.sh Compile Test",
            [GeneratedRepository],
            "Exactly this command, in a repository generated with dotnet new idp-service -n Payments.Api --team payments."),
        new("./build.sh Deploy --environment local",
            [LocalDeploy, LocalDoraDeploy, AdoptedGoldenPath],
            "Deploy to the local environment, on a real Docker engine and registry, with the sample service (the components are the same as in a generated repository) and with each adopted repository."),
        new("dotnet tool exec Idp.Adopt -- --team payments --dry-run",
            [Adopt + "AdoptingAWebApi.A_dry_run_prints_the_plan_and_writes_nothing"],
            "The tool with exactly these arguments, run as a process from its built entry point rather than fetched by dotnet tool exec (which needs the feed)."),
        new("dotnet tool exec Idp.Adopt -- --team payments",
            [Adopt + "AdoptingAWebApi.Detection_is_printed_with_the_defaults_marked", Adopt + "AdoptingAWebApi.A_second_run_has_nothing_to_do_and_changes_no_file"],
            "The tool with exactly these arguments, run as a process from its built entry point, on a dotnet new webapi repository."),
        new("./build.sh Compile Test SonarGate --update-quality-baseline",
            [AdoptedGoldenPath],
            "Exactly this command in each adopted scenario (sample without build files, webapi, webapp, multi-stage Dockerfile, two solutions), then again without the flag."),
        new("""git add -A && git commit -m "Adopt the Idp.Build golden path" """,
            [AdoptedGoldenPath],
            "The test commits the adopted repository and its baseline the same way before running the gate again."),
        new("curl http://127.0.0.1:8080/health",
            [LocalDeploy],
            "The test calls /health of the deployed service on its local port."),
        new("./build.sh DeployPlan --environment production",
            [ProductionDeploy, Components + "Deploy.Kubernetes.PlanningWithDryRun.A_dry_run_of_an_upgrade_shows_the_new_image_while_the_old_one_stays"],
            "The plan a production Deploy prints (the same code as the DeployPlan target) against the fake cluster, and the cluster's dry run it is built from. No test runs the DeployPlan target itself."),
        new("./build.sh Deploy --environment dev --image-digest sha256:<64 hex digits from artifacts/image.env>",
            [Components + "Deploy.OpenShift.PromotingByDigest.IMAGE_DIGEST_deploys_that_image_and_skips_the_build_and_the_push",
             Components + "Deploy.OpenShift.PromotingByDigest.A_digest_other_than_the_recorded_image_fails_naming_both_and_deploys_nothing"],
            "Deploy to dev with the digest given (as IMAGE_DIGEST and as --image-digest) against the fake OpenShift API: the image deployed, Push and the build skipped."),
        new("./build.sh Rollback --environment production",
            [ProductionDeploy],
            "Exactly this command, against the fake OpenShift API."),
        new("""idp-dora --urls http://0.0.0.0:5080 --token "$DORA_TOKEN" --postgres "Host=db.example.internal;Database=dora;Username=dora;Password=$DORA_DB_PASSWORD" """,
            ["Idp.Dora.Tests.Api.BatchIngestOnPostgres.Duplicates_inside_a_batch_are_stored_once", "Idp.Dora.Tests.Storage.RollupConsistencyOnPostgres.Rollups_kept_at_ingest_equal_a_rebuild_whatever_the_arrival_order"],
            "The same application with --postgres on a real PostgreSQL (--token and --urls are run by the doc tests)."),
    ];
}
