using System.Collections;

namespace Idp.Build.Server;

/// <summary>
/// For the length of one run, makes the server process look like the one build.sh would have started: the client's
/// environment variables and working directory, which child processes inherit and build code may read directly.
/// The server runs one build at a time, so no other run sees the swap. Disposing restores the server's own.
/// </summary>
internal sealed class AdoptedProcess : IDisposable
{
    private readonly Dictionary<string, string> _serverVariables;
    private readonly string _serverDirectory;

    private AdoptedProcess(Dictionary<string, string> serverVariables, string serverDirectory)
    {
        _serverVariables = serverVariables;
        _serverDirectory = serverDirectory;
    }

    /// <exception cref="DirectoryNotFoundException">The client's working directory is gone.</exception>
    public static AdoptedProcess Adopt(RunRequest request)
    {
        var adopted = new AdoptedProcess(CurrentVariables(), Directory.GetCurrentDirectory());
        Directory.SetCurrentDirectory(request.WorkingDirectory);
        Replace(request.Variables);
        return adopted;
    }

    public void Dispose()
    {
        Replace(_serverVariables);
        Directory.SetCurrentDirectory(_serverDirectory);
    }

    private static void Replace(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var name in CurrentVariables().Keys)
        {
            if (!variables.ContainsKey(name))
                Environment.SetEnvironmentVariable(name, null);
        }
        foreach (var (name, value) in variables)
            Environment.SetEnvironmentVariable(name, value);
    }

    private static Dictionary<string, string> CurrentVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        return variables;
    }
}
