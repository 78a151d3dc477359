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

    Target Demo => _ => _
        .Description("The platform in one command: packs the SDK and template, scaffolds a new service, runs its golden path to the local environment, calls it and shows its DORA lead time")
        .DependsOn(Prerequisites, Compile)
        .Executes(async () =>
        {
            var watch = Stopwatch.StartNew();
            var version = "0.1.0-demo." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var demo = new DemoRun(RootDirectory, PackagesDirectory, TemporaryDirectory / "demo", Configuration, version, DemoPort, Log);
            demo.Pack();
            var service = demo.Scaffold("Demo.Payments", "payments");
            var steps = demo.RunGoldenPath(service);
            var health = await demo.CallAsync();
            var leadTime = await demo.LeadTimeAsync();
            var elapsed = watch.Elapsed;
            Log.Information(demo.Report(steps, health, leadTime, elapsed));
            if (Stop)
                demo.StopPlatform(service);
            else
                Log.Information($"The local platform keeps running (engine, registry, Idp.Dora, the service). Stop it with: (cd {service} && ./build.sh LocalPlatformStop {demo.DoraArguments}), or run the demo with --stop.");
            ReportSummary($"{demo.ServiceUrl} in {elapsed.TotalSeconds:0} s");
        });
}
