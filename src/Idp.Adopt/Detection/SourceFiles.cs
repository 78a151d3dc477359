namespace Idp.Adopt.Detection;

/// <summary>The C# files of a project folder, without bin/ and obj/.</summary>
internal static class SourceFiles
{
    public static IEnumerable<string> CSharp(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => !Path.GetRelativePath(projectDirectory, f).Replace('\\', '/').Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
