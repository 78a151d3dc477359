namespace Idp.Build;

/// <summary>
/// A normalised absolute file-system path. <c>root / "src" / "app.csproj"</c> combines, <c>path.Parent</c>
/// goes up, and it converts to and from <see cref="string"/> wherever a path is expected.
/// </summary>
public sealed partial class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path) => _path = path;

    /// <summary>Creates a path; a relative one is rooted at <paramref name="baseDirectory"/> (default: the current directory).</summary>
    public static AbsolutePath Create(string path, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path, baseDirectory ?? Directory.GetCurrentDirectory());
        var trimmed = full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
        return new AbsolutePath(trimmed.Length == 0 ? full : trimmed);
    }

    /// <summary>The last segment.</summary>
    public string Name => Path.GetFileName(_path);

    /// <summary>The containing directory, or null at the file-system root.</summary>
    public AbsolutePath? Parent => Path.GetDirectoryName(_path) is { } parent ? new AbsolutePath(parent) : null;

    public bool FileExists() => File.Exists(_path);

    public bool DirectoryExists() => Directory.Exists(_path);

    /// <summary>The path relative to <paramref name="baseDirectory"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath baseDirectory) => Path.GetRelativePath(baseDirectory, _path).Replace('\\', '/');

    /// <summary>Creates the directory (and its parents) if missing; returns this path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(_path);
        return this;
    }

    public static AbsolutePath operator /(AbsolutePath left, string right) => Create(Path.Combine(left._path, right));

    public static implicit operator string(AbsolutePath path) => path._path;

    public static explicit operator AbsolutePath(string path) => Create(path);

    public static bool operator ==(AbsolutePath? left, AbsolutePath? right) => Equals(left, right);

    public static bool operator !=(AbsolutePath? left, AbsolutePath? right) => !Equals(left, right);

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(_path, other._path, PathComparison);

    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    public override int GetHashCode() => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase.GetHashCode(_path) : _path.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => _path;

    private static StringComparison PathComparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
