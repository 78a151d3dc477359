using System.Formats.Tar;

namespace Idp.Build.Components.Image;

/// <summary>
/// Writes a Docker build context as a tar. Every entry gets the same modification time, so the same sources give
/// the same bytes, and the classic builder's layers come out identical when nothing changed.
/// </summary>
/// <remarks>
/// GNU format, not PAX: BuildKit tells an uploaded tar from a bare Dockerfile by reading its first entry from its
/// first 1,024 bytes, and .NET writes an extended header before every PAX entry, which pushes that entry past them.
/// </remarks>
public sealed class ContextArchive : IDisposable
{
    private readonly TarWriter _writer;
    private readonly DateTimeOffset _timestamp;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    /// <summary>A tar written to <paramref name="output"/> (left open), with <paramref name="timestamp"/> on every entry.</summary>
    public ContextArchive(Stream output, DateTimeOffset timestamp)
    {
        _writer = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true);
        _timestamp = timestamp;
    }

    /// <summary>Counts the files added, for the log.</summary>
    public int FileCount { get; private set; }

    /// <summary>
    /// Adds the file at <paramref name="source"/> (following symlinks) as <paramref name="name"/>, with its permissions
    /// or <paramref name="mode"/>.
    /// </summary>
    public void AddFile(string name, string source, UnixFileMode? mode = null)
    {
        AddParents(name);
        var info = new FileInfo(source);
        var target = info.LinkTarget is null ? info : (FileInfo?)info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        using var content = target.OpenRead();
        var entry = new GnuTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = content,
            Mode = mode ?? (OperatingSystem.IsWindows() ? (UnixFileMode)0b110_100_100 : File.GetUnixFileMode(target.FullName)),
            ModificationTime = _timestamp,
        };
        _writer.WriteEntry(entry);
        FileCount++;
    }

    /// <summary>Adds a file with <paramref name="content"/> as <paramref name="name"/>.</summary>
    public void AddText(string name, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        AddParents(name);
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        _writer.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, name) { DataStream = data, Mode = mode, ModificationTime = _timestamp });
        FileCount++;
    }

    /// <summary>Adds an (empty) directory with <paramref name="mode"/>, e.g. <c>tmp/</c> with 1777.</summary>
    public void AddDirectory(string name, UnixFileMode mode = (UnixFileMode)0b111_101_101)
    {
        AddParents(name);
        if (_directories.Add(name))
            _writer.WriteEntry(new GnuTarEntry(TarEntryType.Directory, name + "/") { Mode = mode, ModificationTime = _timestamp });
    }

    /// <summary>Adds every file below <paramref name="directory"/> as <paramref name="prefix"/>/…, leaving out what <paramref name="ignore"/> excludes.</summary>
    public void AddTree(AbsolutePath directory, string prefix, DockerIgnore ignore)
    {
        foreach (var path in Walk(directory, "", ignore).Order(StringComparer.Ordinal))
            AddFile(Join(prefix, path), directory / path);
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static IEnumerable<string> Walk(AbsolutePath root, string relative, DockerIgnore ignore)
    {
        var directory = relative.Length == 0 ? root : root / relative;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var path = Join(relative, Path.GetFileName(file));
            if (!ignore.IsExcluded(path))
                yield return path;
        }
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var path = Join(relative, Path.GetFileName(child));
            if (new DirectoryInfo(child).LinkTarget is not null || ignore.CanSkipDirectory(path))
                continue;
            foreach (var file in Walk(root, path, ignore))
                yield return file;
        }
    }

    private void AddParents(string name)
    {
        var parts = name.Split('/');
        for (var i = 1; i < parts.Length; i++)
        {
            var parent = string.Join('/', parts[..i]);
            if (_directories.Add(parent))
                _writer.WriteEntry(new GnuTarEntry(TarEntryType.Directory, parent + "/") { Mode = (UnixFileMode)0b111_101_101, ModificationTime = _timestamp });
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "/" + name;
}
