using System.Globalization;
using System.Runtime.InteropServices;
using Idp.Build.Output;
using Idp.Build.Processes;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>What a reader needs to compare figures across runs: the machine, the runtime, and how busy it was.</summary>
/// <param name="LoadAverage">The one-minute load average when the run started; other builds on the machine skew timings.</param>
/// <param name="Commit">The commit HEAD pointed at; uncommitted changes in the working tree are not recorded.</param>
sealed record MachineFacts(
    int ProcessorCount,
    string? ProcessorModel,
    string OperatingSystem,
    string Architecture,
    string DotNetRuntime,
    string DotNetSdk,
    double? LoadAverage,
    string? Commit,
    DateTimeOffset Date)
{
    public static MachineFacts OfThisMachine(AbsolutePath root) => new(
        Environment.ProcessorCount,
        ReadProcessorModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        RuntimeInformation.FrameworkDescription,
        ProcessRunner.Run(DotNetTasks.DotNetPath, ["--version"], new ProcessOptions { LogOutput = false, LogInvocation = false, WorkingDirectory = root })
            .StandardOutput.Trim(),
        ReadLoadAverage(),
        RunRecord.ReadHead(root),
        DateTimeOffset.UtcNow);

    private static string? ReadProcessorModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;

    private static double? ReadLoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
}
