using System.Text;
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
        // Written field by field: reflection-based serialization of this one record cost a one-shot run ~25 ms.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("startedAt", startedAt);
            json.WriteNumber("durationMs", (long)duration.TotalMilliseconds);
            json.WriteNumber("exitCode", exitCode);
            json.WriteString("host", host.Name);
            json.WriteString("commit", host.Ci.CommitSha ?? commit);
            json.WriteString("branch", host.Ci.Branch);
            json.WriteString("pipelineUrl", host.Ci.PipelineUrl);
            json.WriteStartArray("invokedTargets");
            foreach (var target in plan.Where(t => t.IsInvoked))
                json.WriteStringValue(target.Name);
            json.WriteEndArray();
            json.WriteStartArray("targets");
            foreach (var target in plan)
            {
                json.WriteStartObject();
                json.WriteString("name", target.Name);
                json.WriteString("status", target.Status.ToString());
                json.WriteNumber("durationMs", (long)target.Duration.TotalMilliseconds);
                json.WriteString("note", target.Note);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("parameters");
            foreach (var member in parameters.Members.GroupBy(m => m.Name).Select(g => g.First()))
            {
                if (parameters.RawValue(member) is { } raw)
                    json.WriteString(member.Name, member.IsSecret ? SecretMasker.Mask : string.Join(" ", raw.Values));
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        file.Parent?.CreateDirectory();
        File.WriteAllText(file, masker.Apply(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
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
