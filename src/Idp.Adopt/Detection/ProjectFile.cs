using System.Xml;
using System.Xml.Linq;

namespace Idp.Adopt.Detection;

/// <summary>What the adoption needs to know of one project file.</summary>
/// <param name="Path">Relative to the repository root, with <c>/</c>.</param>
/// <param name="Sdk">The project SDK, e.g. <c>Microsoft.NET.Sdk.Web</c>.</param>
/// <param name="TargetFramework">Its (first) target framework, from the project or a Directory.Build.props above it; null when neither says.</param>
/// <param name="AssemblyName">The assembly it builds (the image starts <c>dotnet &lt;AssemblyName&gt;.dll</c>).</param>
/// <param name="IsTest">It references Microsoft.NET.Test.Sdk or says IsTestProject.</param>
public sealed record ProjectFile(string Path, string Sdk, string? TargetFramework, string AssemblyName, bool IsTest)
{
    /// <summary>An ASP.NET Core project: one the golden path can ship.</summary>
    public bool IsWeb => Sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project's folder relative to the repository root ("" for the root).</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)?.Replace('\\', '/') ?? "";

    /// <summary>Reads <paramref name="relativePath"/> under <paramref name="root"/>.</summary>
    public static ProjectFile Read(string root, string relativePath)
    {
        var full = System.IO.Path.Combine(root, relativePath);
        XDocument document;
        try
        {
            document = XDocument.Load(full);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new AdoptionProblem($"The project {relativePath} could not be read: {e.Message} Fix the file (dotnet build shows the same error) and run again.");
        }
        var project = document.Root!;
        var sdk = (string?)project.Attribute("Sdk")
            ?? (string?)project.Elements("Sdk").FirstOrDefault()?.Attribute("Name")
            ?? "";
        string? Property(XDocument d, string name) =>
            d.Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0 && !v.Contains("$(", StringComparison.Ordinal));
        var framework = Property(document, "TargetFramework")
            ?? Property(document, "TargetFrameworks")?.Split(';')[0]
            ?? InheritedFramework(root, System.IO.Path.GetDirectoryName(full)!);
        var isTest = document.Descendants("PackageReference").Any(r => ((string?)r.Attribute("Include"))?.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) == true)
            || string.Equals(Property(document, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)
            || sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase);
        return new ProjectFile(
            relativePath.Replace('\\', '/'),
            sdk.Split('/')[0],
            framework,
            Property(document, "AssemblyName") ?? System.IO.Path.GetFileNameWithoutExtension(full),
            isTest);
    }

    // TargetFramework set once for every project, as the sample and the template do.
    private static string? InheritedFramework(string root, string directory)
    {
        var stop = System.IO.Path.GetFullPath(root).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        for (var current = directory; current is not null && current.Length >= stop.Length; current = System.IO.Path.GetDirectoryName(current))
        {
            var props = System.IO.Path.Combine(current, "Directory.Build.props");
            if (!File.Exists(props))
                continue;
            try
            {
                var value = XDocument.Load(props).Descendants("TargetFramework").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
                if (value is not null && !value.Contains("$(", StringComparison.Ordinal))
                    return value;
            }
            catch (XmlException)
            {
                return null;
            }
        }
        return null;
    }
}
