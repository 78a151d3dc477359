namespace Idp.Build.Repository.Benchmarks;

/// <summary>git in a benchmark's throwaway repository: a failure stops the benchmark with git's message.</summary>
static class WorkspaceGit
{
    /// <summary>Runs git in <paramref name="directory"/> and returns its trimmed output.</summary>
    public static string Run(AbsolutePath directory, params string[] arguments) =>
        MeasuredProcess.Run(directory, "git", arguments).ThrowIfFailed("git " + string.Join(' ', arguments)).Output.Trim();

    /// <summary>Commits everything in <paramref name="directory"/> under a benchmark identity.</summary>
    public static void CommitAll(AbsolutePath directory, string message)
    {
        Run(directory, "add", "-A");
        Run(directory, "-c", "user.name=Idp Benchmark", "-c", "user.email=benchmark@example.invalid", "commit", "-q", "-m", message);
    }
}
