using System.Globalization;
using System.Text;

namespace Idp.Build.Components.Dora;

/// <summary>An event waiting in the outbox: its file and its JSON.</summary>
public sealed record OutboxEntry(string Path, string Json);

/// <summary>
/// A durable outbox: one file per event in <c>.nuke/temp/dora-outbox/</c>, written to a temporary file and renamed
/// into place, so a crash leaves either the whole event or nothing. An event leaves the outbox only once the endpoint
/// accepted it (or rejected it as invalid: then it moves to <c>rejected/</c> for a person to look at).
/// </summary>
public sealed class DoraOutbox(string directory)
{
    /// <summary>The outbox directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>Where events the endpoint rejected as invalid are kept.</summary>
    public string RejectedDirectory => Path.Combine(Directory, "rejected");

    /// <summary>Writes <paramref name="e"/> durably; returns its file.</summary>
    public string Add(CdEvent e)
    {
        System.IO.Directory.CreateDirectory(Directory);
        // Names sort in the order events were recorded, so they are sent in that order.
        var name = $"{DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture)}-{Safe(e.Context.Id)}.json";
        var final = Path.Combine(Directory, name);
        var temporary = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            stream.Write(Encoding.UTF8.GetBytes(e.ToJson()));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, final, overwrite: false);
        return final;
    }

    /// <summary>The events not yet delivered, oldest first. Half-written temporary files are not events.</summary>
    public IReadOnlyList<OutboxEntry> Pending() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)
                .Select(path => new OutboxEntry(path, File.ReadAllText(path))).ToList()
            : [];

    /// <summary>Removes a delivered event.</summary>
    public static void Delivered(OutboxEntry entry) => File.Delete(entry.Path);

    /// <summary>Moves an event the endpoint refused as invalid aside, with the endpoint's answer next to it.</summary>
    public void Reject(OutboxEntry entry, string reason)
    {
        System.IO.Directory.CreateDirectory(RejectedDirectory);
        var target = Path.Combine(RejectedDirectory, Path.GetFileName(entry.Path));
        File.WriteAllText(target + ".problem.txt", reason);
        File.Move(entry.Path, target, overwrite: true);
    }

    private static string Safe(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(80).ToArray());
}
