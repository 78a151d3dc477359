using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Idp.Build.Planning;

namespace Idp.Build.Execution;

/// <summary>
/// <c>--continue</c>: a failed run leaves <c>.nuke/temp/build-attempt.json</c> with a hash of its invocation and
/// the targets that succeeded. The same invocation with <c>--continue</c> skips those; a different one starts over.
/// The hash keeps secrets given as arguments out of the file; it is only computed when a run continues or fails, so
/// a successful run never loads the cryptography stack for it.
/// </summary>
internal sealed class AttemptLog(AbsolutePath file, IReadOnlyList<string> arguments)
{
    internal sealed record Attempt(string Invocation, string[] Succeeded);

    private string Invocation => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0000",
        arguments.Where(a => !a.Equals("--continue", StringComparison.OrdinalIgnoreCase))))));

    /// <summary>The targets that succeeded in the last failed run of this invocation.</summary>
    public IReadOnlySet<string> SucceededInLastAttempt()
    {
        if (!file.FileExists())
            return new HashSet<string>();
        try
        {
            var attempt = JsonSerializer.Deserialize(File.ReadAllText(file), EngineJson.Default.Attempt);
            return attempt is not null && attempt.Invocation == Invocation ? attempt.Succeeded.ToHashSet() : new HashSet<string>();
        }
        catch (JsonException)
        {
            return new HashSet<string>();
        }
    }

    public void Save(IReadOnlyList<ExecutableTarget> plan, bool succeeded)
    {
        if (succeeded)
        {
            if (file.FileExists())
                File.Delete(file);
            return;
        }
        var done = plan
            .Where(t => t.Status is TargetStatus.Succeeded or TargetStatus.Collective
                || (t.Status == TargetStatus.Skipped && t.Note?.Contains("--continue", StringComparison.Ordinal) == true))
            .Select(t => t.Name)
            .ToArray();
        file.Parent?.CreateDirectory();
        File.WriteAllText(file, JsonSerializer.Serialize(new Attempt(Invocation, done), EngineJson.Default.Attempt));
    }
}
