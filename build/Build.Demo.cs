using System.Diagnostics;
using System.Globalization;
using Idp.Build;
using Idp.Build.Repository.Demo;

namespace Idp.Build.Repository;

partial class Build
{
    [Parameter("Demo: stop the local platform (engine, registry, Idp.Dora) at the end instead of leaving it running")]
    readonly bool Stop;

    [Parameter("Demo: port on 127.0.0.1 where the scaffolded service serves (default: 8080)")]
    readonly int DemoPort = 8080;

    [Parameter("Demo: port of the local platform's Idp.Dora on 127.0.0.1 (default: 5080)")]
    readonly int DemoDoraPort = 5080;

    [Parameter("Demo: port of the local platform's registry on 127.0.0.1 (default: the platform's, 5001)")]
    readonly int? DemoRegistryPort;

    [Parameter("Demo: the local platform's state folder (default: the platform's, ~/.idp)")]
    readonly AbsolutePath? DemoPlatformDirectory;

    [Parameter("Demo: the demo's folder for the template hive and the scaffolded service, emptied first (default: .nuke/temp/demo)")]
    readonly AbsolutePath? DemoDirectory;

    [Parameter("Demo: the name of the service it scaffolds (default: Demo.Payments)")]
    readonly string DemoName = "Demo.Payments";

    [Parameter("Demo: the folder feed the SDK and the template are packed into (default: artifacts/packages)")]
    readonly AbsolutePath? DemoFeed;

    Target Demo => _ => _
        .Description("The platform in one command: packs the SDK and template, scaffolds a new service, runs its golden path to the local environment, calls it and shows its DORA lead time")
        .DependsOn(Prerequisites, Compile)
        .Executes(async () =>
        {
            var watch = Stopwatch.StartNew();
            var version = DemoVersion.For(RootDirectory, Configuration, DemoRun.PackedProjects);
            var options = new DemoOptions(DemoFeed ?? PackagesDirectory, DemoDirectory ?? TemporaryDirectory / "demo", DemoPort, DemoDoraPort, DemoRegistryPort, DemoPlatformDirectory);
            var demo = new DemoRun(RootDirectory, options, Configuration, version, Log);
            demo.Pack();
            var service = demo.Scaffold(DemoName, "payments");
            var steps = demo.RunGoldenPath(service);
            var health = await demo.CallAsync();
            var leadTime = await demo.LeadTimeAsync(service);
            var elapsed = watch.Elapsed;
            Log.Information(demo.Report(service, steps, health, leadTime, elapsed));
            if (Stop)
                demo.StopPlatform(service);
            else
                Log.Information($"The local platform keeps running (engine, registry, Idp.Dora, the service). Stop it with: (cd {service} && ./build.sh LocalPlatformStop {demo.PlatformArguments}), or run the demo with --stop.");
            ReportSummary($"{demo.ServiceUrl} in {elapsed.TotalSeconds:0} s");
        });
}
