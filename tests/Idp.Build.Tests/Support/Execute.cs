using Idp.Build.Execution;
using Idp.Build.Hosts;
using Idp.Build.Output;
using Idp.Build.Parameters;
using Idp.Build.Planning;
using Idp.Build.Secrets;

namespace Idp.Build.Tests.Support;

/// <summary>Prepares and runs a planned graph with the real skip rules and executor, capturing output.</summary>
internal static class Execute
{
    public static string Run(IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<string>? skip = null, int parallelism = 1, TempDirectory? root = null)
    {
        using var owned = root is null ? new TempDirectory() : null;
        var directory = (root ?? owned!).Path;
        var output = new StringWriter();
        var masker = new SecretMasker();
        var router = new ConsoleRouter(output, output, masker);
        var environment = new Dictionary<string, string>();
        var parameters = new ParameterService([], CommandLine.Parse([]), environment, [], directory, directory);
        var log = new BuildLog(() => router.Out, Verbosity.Normal, useColor: false);
        var context = new BuildContext(directory, HostDetector.Detect(environment, "Terminal"), log, masker, router, parameters);
        SkipRules.Apply(plan, skip, new HashSet<string>());
        new BuildExecutor(context, new UpToDateStore(directory, directory / ".nuke" / "temp" / "up-to-date"))
            .RunAsync(plan, parallelism).GetAwaiter().GetResult();
        router.Complete();
        return output.ToString();
    }

    public static string Statuses(IEnumerable<ExecutableTarget> plan) =>
        string.Join(" ", plan.Select(t => $"{t.Name}:{t.Status}"));
}
