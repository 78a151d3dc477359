using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Idp.Build.Paths;
using Idp.Build.Planning;

namespace Idp.Build.Execution;

/// <summary>
/// Incremental targets: after a target with <c>Inputs</c>/<c>Outputs</c> succeeds, the hashes of its input and
/// output files are stored under <c>.nuke/temp/up-to-date/</c>. Next time, equal input hashes and intact
/// outputs skip it as "up to date".
/// </summary>
internal sealed class UpToDateStore(AbsolutePath rootDirectory, AbsolutePath stateDirectory)
{
    internal sealed record State(string Inputs, string Outputs);

    public bool IsUpToDate(ExecutableTarget target)
    {
        if (target.Inputs.Count == 0 && target.Outputs.Count == 0)
            return false;
        var file = StateFile(target);
        if (!File.Exists(file))
            return false;
        State? stored;
        try
        {
            stored = JsonSerializer.Deserialize(File.ReadAllText(file), EngineJson.Default.State);
        }
        catch (JsonException)
        {
            return false;
        }
        if (stored is null)
            return false;
        var outputs = Files(target.Outputs);
        if (target.Outputs.Count > 0 && outputs.Count == 0)
            return false;
        return stored.Inputs == Hash(Files(target.Inputs)) && stored.Outputs == Hash(outputs);
    }

    public void Record(ExecutableTarget target)
    {
        if (target.Inputs.Count == 0 && target.Outputs.Count == 0)
            return;
        stateDirectory.CreateDirectory();
        var state = new State(Hash(Files(target.Inputs)), Hash(Files(target.Outputs)));
        File.WriteAllText(StateFile(target), JsonSerializer.Serialize(state, EngineJson.Default.State));
    }

    private string StateFile(ExecutableTarget target) => stateDirectory / (target.Name + ".json");

    private List<string> Files(IEnumerable<string> globs) =>
        globs.SelectMany(g => Glob.Files(rootDirectory, g)).Distinct().Order(StringComparer.Ordinal).ToList();

    private string Hash(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(rootDirectory, file) + "\n"));
            using var stream = File.OpenRead(file);
            hash.AppendData(SHA256.HashData(stream));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
