using System.Linq.Expressions;
using Idp.Build.Execution;

namespace Idp.Build.Tests.Support;

/// <summary>Runs a build class inside the test process, with its own arguments, environment and captured output.</summary>
internal static class InProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static Result Run<T>(TempDirectory root, string[] args, IReadOnlyDictionary<string, string>? environment = null, Expression<Func<T, Target>>[]? defaults = null)
        where T : IdpBuild, new()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var run = new RunEnvironment(args, environment ?? new Dictionary<string, string>(), root.Path, root.Path, output, error, OwnsConsole: false);
        var exitCode = BuildRunner.Run(new T(), run, defaults ?? []);
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}
