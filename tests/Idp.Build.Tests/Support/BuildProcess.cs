using Idp.Build.Processes;

namespace Idp.Build.Tests.Support;

/// <summary>Runs a build program as a real process and keeps everything it printed.</summary>
internal static class BuildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + "\n" + Error;
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var result = ProcessRunner.Run(fileName, arguments, new ProcessOptions
        {
            WorkingDirectory = workingDirectory,
            Environment = environment ?? new Dictionary<string, string?>(),
            LogOutput = false,
            LogInvocation = false,
            AllowNonZeroExitCode = true,
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
        });
        return new Result(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Runs the DesignBuild fixture in <paramref name="root"/>.</summary>
    public static Result Design(TempDirectory root, params string[] arguments) => Design(root, null, arguments);

    public static Result Design(TempDirectory root, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string?> { ["GITLAB_CI"] = null, ["JENKINS_URL"] = null, ["IDP_FIXTURE"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            variables[name] = value;
        return Run("dotnet", [Repository.FixtureAssembly("DesignBuild"), .. arguments], root.Path, variables);
    }
}
