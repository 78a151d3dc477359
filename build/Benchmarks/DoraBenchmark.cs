using System.Globalization;
using Idp.Build.Processes;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// Idp.Dora's own benchmark program (tests/Idp.Dora.Benchmarks), run in Release with its progress in the log: it
/// stores the events, measures the ingest rate through <c>POST /api/events</c> and the query latency, on SQLite and
/// on a PostgreSQL it starts, and writes its suite file itself.
/// </summary>
static class DoraBenchmark
{
    public static void Run(AbsolutePath repositoryRoot, AbsolutePath output, int events) =>
        ProcessRunner.Run(DotNetTasks.DotNetPath,
            ["run", "-c", "Release", "--project", repositoryRoot / "tests" / "Idp.Dora.Benchmarks", "--", output, events.ToString(CultureInfo.InvariantCulture)],
            new ProcessOptions { WorkingDirectory = repositoryRoot });
}
