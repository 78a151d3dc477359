using System.Collections;

namespace Idp.Build.Execution;

/// <summary>
/// Everything a run reads from outside: arguments, environment, directories and the console, and whether that
/// console's output is a terminal (which decides colours on a developer's machine).
/// </summary>
internal sealed record RunEnvironment(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Variables,
    string WorkingDirectory,
    string AssemblyDirectory,
    TextWriter StandardOut,
    TextWriter StandardError,
    bool OwnsConsole,
    bool OutputIsTerminal = false)
{
    public static RunEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        return new RunEnvironment(
            Environment.GetCommandLineArgs().Skip(1).ToArray(),
            variables,
            Directory.GetCurrentDirectory(),
            AppContext.BaseDirectory,
            Console.Out,
            Console.Error,
            OwnsConsole: true,
            OutputIsTerminal: !Console.IsOutputRedirected);
    }
}
