using System.Text.Json;
using Idp.Build.Parameters;
using Idp.Build.Planning;
using Idp.Build.Secrets;

namespace Idp.Build.Output;

/// <summary><c>.nuke/temp/run.json</c>: what ran, how it ended, with which parameters (secrets redacted) on which host and commit.</summary>
internal static class RunRecord
{
    public static void Write(
        AbsolutePath file,
        IReadOnlyList<ExecutableTarget> plan,
        ParameterService parameters,
        Host host,
        SecretMasker masker,
        DateTimeOffset startedAt,
        TimeSpan duration,
        int exitCode,
        string? commit)
    {
        var record = new
        {
            startedAt,
            durationMs = (long)duration.TotalMilliseconds,
            exitCode,
            host = host.Name,
            commit = host.Ci.CommitSha ?? commit,
            branch = host.Ci.Branch,
            pipelineUrl = host.Ci.PipelineUrl,
            invokedTargets = plan.Where(t => t.IsInvoked).Select(t => t.Name),
            targets = plan.Select(t => new
            {
                name = t.Name,
                status = t.Status.ToString(),
                durationMs = (long)t.Duration.TotalMilliseconds,
                note = t.Note,
            }),
            parameters = parameters.Members
                .GroupBy(m => m.Name)
                .Select(g => g.First())
                .Where(m => parameters.RawValue(m) is not null)
                .ToDictionary(m => m.Name, m => m.IsSecret ? SecretMasker.Mask : string.Join(" ", parameters.RawValue(m)!.Values)),
        };
        file.Parent?.CreateDirectory();
        var json = JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(file, masker.Apply(json));
    }

    /// <summary>The commit checked out in <paramref name="root"/>, read from .git without starting git.</summary>
    public static string? ReadHead(AbsolutePath root)
    {
        try
        {
            var gitDirectory = root / ".git";
            if (!gitDirectory.DirectoryExists())
                return null;
            var head = File.ReadAllText(gitDirectory / "HEAD").Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
                return head;
            var reference = head[5..];
            var loose = gitDirectory / reference;
            if (loose.FileExists())
                return File.ReadAllText(loose).Trim();
            var packed = gitDirectory / "packed-refs";
            return packed.FileExists()
                ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference)?[0]
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
