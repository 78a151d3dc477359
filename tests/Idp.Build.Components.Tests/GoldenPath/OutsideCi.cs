using Idp.Build.Processes;

namespace Idp.Build.Components.Tests.GoldenPath;

/// <summary>
/// How the tests run a build in a process of its own, as on a developer's machine: in the repository, with the CI
/// servers' variables removed (so the engine takes the terminal host even when the tests run in CI), no colour in the
/// output they read, and the exit code left to the test.
/// </summary>
internal static class OutsideCi
{
    public static ProcessOptions Options(AbsolutePath root, TimeSpan timeout, IEnumerable<KeyValuePair<string, string?>>? variables = null) => new()
    {
        WorkingDirectory = root,
        LogOutput = false,
        LogInvocation = false,
        AllowNonZeroExitCode = true,
        Timeout = timeout,
        Environment = new Dictionary<string, string?>(variables ?? [])
        {
            ["GITLAB_CI"] = null,
            ["JENKINS_URL"] = null,
            ["NO_COLOR"] = "1",
        },
    };
}
