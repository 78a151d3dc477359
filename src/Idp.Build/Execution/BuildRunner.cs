using System.Diagnostics;
using System.Linq.Expressions;
using Idp.Build.Discovery;
using Idp.Build.Hosts;
using Idp.Build.Output;
using Idp.Build.Parameters;
using Idp.Build.Planning;
using Idp.Build.Secrets;

namespace Idp.Build.Execution;

/// <summary>
/// One run, start to finish: parse the invocation, install the masking console, inject parameters, discover
/// targets, plan, then help, plan or execute, and finally the summary and run record. Exit codes: 0 success,
/// 1 a target failed, 2 the invocation or the build's declaration is wrong (nothing ran).
/// </summary>
internal static class BuildRunner
{
    public const int Succeeded = 0;
    public const int TargetFailed = 1;
    public const int InvalidInvocation = 2;

    public static int Run<T>(T build, RunEnvironment environment, Expression<Func<T, Target>>[] defaultTargets) where T : IdpBuild
    {
        var ctrlC = CtrlC.Watch(environment.OwnsConsole);
        var masker = new SecretMasker();
        var router = new ConsoleRouter(environment.StandardOut, environment.StandardError, masker);
        var (previousOut, previousError) = (Console.Out, Console.Error);
        if (environment.OwnsConsole)
        {
            Console.SetOut(router.Out);
            Console.SetError(router.Error);
        }
        try
        {
            return RunCore(build, environment, defaultTargets, masker, router, ctrlC);
        }
        catch (BuildException error)
        {
            router.Error.WriteLine($"error: {error.Message}");
            return InvalidInvocation;
        }
        finally
        {
            ctrlC?.Dispose();
            router.Complete();
            if (environment.OwnsConsole)
            {
                Console.SetOut(previousOut);
                Console.SetError(previousError);
            }
        }
    }

    private static int RunCore<T>(
        T build, RunEnvironment environment, Expression<Func<T, Target>>[] defaultTargets, SecretMasker masker, ConsoleRouter router, CtrlC? ctrlC)
        where T : IdpBuild
    {
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var commandLine = CommandLine.Parse(environment.Arguments);
        var options = EngineOptions.From(commandLine, environment.WorkingDirectory);
        var root = RootDirectory.Find(options.Root, environment.WorkingDirectory, environment.AssemblyDirectory);
        var host = HostDetector.Detect(environment.Variables, options.Host, environment.OutputIsTerminal);
        masker.Register(host.Ci.JobToken);
        var log = new BuildLog(() => router.Out, options.Verbosity, host.SupportsColor && environment.OwnsConsole);

        var files = ParametersFile.Load(root / ".nuke", options.Profiles);
        var parameters = new ParameterService(ParameterMember.Discover(typeof(T)), commandLine, environment.Variables, files, root, environment.WorkingDirectory);
        parameters.ThrowOnUnknownNames(EngineOptions.Names);
        parameters.RegisterSecrets(masker);
        var context = new BuildContext(root, host, log, masker, router, parameters);
        log.CurrentTarget = () => context.CurrentTarget?.Name;
        build.Attach(context);
        parameters.Inject(build);

        var (targets, lookup) = TargetFactory.Create(build);
        context.Targets = targets;
        context.FindTarget = lookup;
        foreach (var selector in defaultTargets)
            TargetFactory.Find(targets, selector).IsDefault = true;
        var invoked = commandLine.Targets.Select(name => FindByName(targets, name)).Distinct().ToArray();

        if (options.Help || (invoked.Length == 0 && defaultTargets.Length == 0))
        {
            log.Write(HelpWriter.Render(targets, parameters, build, typeof(T).Name).TrimEnd());
            WriteSchema(root, targets, parameters);
            return Succeeded;
        }

        var plan = ExecutionPlanner.Plan(targets, invoked);
        WriteSchema(root, targets, parameters);
        var attempts = new AttemptLog(context.TemporaryDirectory / "build-attempt.json", environment.Arguments);
        SkipRules.Apply(plan, options.Skip, options.Continue ? attempts.SucceededInLastAttempt() : new HashSet<string>());

        if (options.Plan)
        {
            log.Write(PlanWriter.Text(plan).TrimEnd());
            var mermaid = context.TemporaryDirectory.CreateDirectory() / "plan.md";
            File.WriteAllText(mermaid, PlanWriter.Mermaid(targets, plan));
            log.Write($"Mermaid graph: {mermaid}");
            return Succeeded;
        }

        RequirementValidator.ThrowIfUnmet(plan, parameters, build);
        var observers = Observers.BuildObservers.For(build, log);
        observers.PlannedAsync(plan).GetAwaiter().GetResult();
        var executor = new BuildExecutor(context, new UpToDateStore(root, context.TemporaryDirectory / "up-to-date"), observers);
        ctrlC?.Cancels(executor, log);
        executor.RunAsync(plan, options.Parallelism).GetAwaiter().GetResult();

        var succeeded = plan.All(t => t.Status is TargetStatus.Succeeded or TargetStatus.Collective or TargetStatus.Skipped);
        observers.BuildFinishedAsync(plan, succeeded).GetAwaiter().GetResult();
        var exitCode = succeeded ? Succeeded : TargetFailed;
        clock.Stop();
        SummaryWriter.Write(log, plan, clock.Elapsed, succeeded);
        attempts.Save(plan, succeeded);
        RunRecord.Write(context.TemporaryDirectory / "run.json", plan, parameters, host, masker, startedAt, clock.Elapsed, exitCode, RunRecord.ReadHead(root));
        return exitCode;
    }

    private static ExecutableTarget FindByName(IReadOnlyList<ExecutableTarget> targets, string name)
    {
        var key = ParameterNames.Normalize(name);
        return targets.FirstOrDefault(t => ParameterNames.Normalize(t.Name) == key) ?? throw new BuildException(
            $"Unknown target '{name}'.{ParameterNames.DidYouMean(ParameterNames.Suggest(name, targets.Select(t => t.Name)), s => s)} " +
            $"Targets of this build: {string.Join(", ", targets.Where(t => t.IsListed).Select(t => t.Name))}.");
    }

    private static void WriteSchema(AbsolutePath root, IReadOnlyList<ExecutableTarget> targets, ParameterService parameters)
    {
        if ((root / ".nuke").DirectoryExists())
            SchemaWriter.WriteIfChanged(root / ".nuke" / "build.schema.json", targets, parameters.Members);
    }
}
