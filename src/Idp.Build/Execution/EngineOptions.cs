using Idp.Build.Parameters;

namespace Idp.Build.Execution;

/// <summary>The options the engine itself understands; every other <c>--option</c> must be a parameter of the build.</summary>
internal sealed record EngineOptions(
    bool Help,
    bool Plan,
    IReadOnlyList<string>? Skip,
    int Parallelism,
    IReadOnlyList<string> Profiles,
    bool Continue,
    string? Root,
    string? Host,
    Verbosity Verbosity)
{
    public static readonly string[] Names = ["help", "h", "plan", "skip", "parallel", "profile", "continue", "root", "host", "verbosity"];

    public static EngineOptions From(CommandLine commandLine, string workingDirectory)
    {
        var parallel = commandLine.Get("parallel");
        var parallelism = 1;
        if (parallel is not null)
        {
            parallelism = parallel.Values.Count == 0 ? Environment.ProcessorCount
                : int.TryParse(parallel.Values[0], out var n) && n > 0 ? n
                : throw new BuildException($"--parallel takes the number of targets to run at once (a whole number of at least 1), but got '{string.Join(" ", parallel.Values)}'. Give --parallel alone to use one per processor ({Environment.ProcessorCount}).");
        }
        var verbosity = Verbosity.Normal;
        if (commandLine.Get("verbosity") is { } v)
        {
            verbosity = Enum.GetNames<Verbosity>().FirstOrDefault(n => v.Values.Count == 1 && n.Equals(v.Values[0], StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<Verbosity>(name)
                : throw new BuildException($"--verbosity takes one of {string.Join(", ", Enum.GetNames<Verbosity>())}, but got '{string.Join(" ", v.Values)}'.");
        }
        var root = commandLine.Get("root");
        return new EngineOptions(
            Help: commandLine.Has("help") || commandLine.Has("h"),
            Plan: commandLine.Has("plan"),
            Skip: commandLine.Get("skip")?.AllValues.SelectMany(s => s.Split('+', ',')).Where(s => s.Length > 0).ToArray(),
            Parallelism: parallelism,
            Profiles: commandLine.Get("profile")?.AllValues ?? [],
            Continue: commandLine.Has("continue"),
            Root: root is null ? null : root.Values.Count == 0 ? workingDirectory : Path.GetFullPath(root.Values[0], workingDirectory),
            Host: commandLine.Get("host")?.Values.FirstOrDefault(),
            Verbosity: verbosity);
    }
}
