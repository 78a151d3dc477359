using System.Security.Cryptography;

namespace Idp.Build.Repository.Demo;

/// <summary>
/// The version the demo packs the SDK and the template under, from the bytes that go into the packages: the same
/// checkout is packed once and restored from the NuGet cache on the next run, and any change gets a version of its
/// own, so a cached package never stands in for different code.
/// </summary>
static class DemoVersion
{
    public static string For(AbsolutePath root, string configuration, IEnumerable<string> projects)
    {
        var inputs = projects.SelectMany(project => PackedFiles(root / "src" / project, project, configuration))
            .Append(root / "Directory.Packages.props")
            .Select(file => (Name: Path.GetRelativePath(root, file).Replace('\\', '/'), File: file))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, file) in inputs)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return "0.1.0-demo." + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    // What `dotnet pack --no-build` takes: the project file, the built assembly and its docs, buildTransitive and template content.
    private static IEnumerable<string> PackedFiles(AbsolutePath directory, string project, string configuration)
    {
        yield return directory / $"{project}.csproj";
        var output = directory / "bin" / configuration / "net10.0";
        foreach (var built in new[] { output / $"{project}.dll", output / $"{project}.xml" }.Where(f => File.Exists(f)))
            yield return built;
        foreach (var folder in new[] { directory / "buildTransitive", directory / "content" }.Where(d => Directory.Exists(d)))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                         .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "temp")))
                yield return file;
        }
    }
}
