using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Idp.Build.Components.Test;

/// <summary>Finds the test projects of a solution: the projects it lists that reference Microsoft.NET.Test.Sdk or say IsTestProject.</summary>
public static partial class TestProjects
{
    public static IReadOnlyList<AbsolutePath> In(AbsolutePath solution)
    {
        var directory = solution.Parent!;
        return Projects(solution)
            .Select(relative => AbsolutePath.Create(relative.Replace('\\', '/'), directory))
            .Where(project => project.FileExists() && IsTestProject(project))
            .Distinct()
            .ToArray();
    }

    private static IEnumerable<string> Projects(AbsolutePath solution) =>
        solution.Name.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? XDocument.Load(solution).Descendants("Project").Select(p => (string?)p.Attribute("Path")).OfType<string>()
            : SlnProject().Matches(File.ReadAllText(solution)).Select(m => m.Groups["path"].Value);

    private static bool IsTestProject(AbsolutePath project)
    {
        var text = File.ReadAllText(project);
        return text.Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
            || Regex.IsMatch(text, @"<IsTestProject>\s*true\s*</IsTestProject>", RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+\.(cs|fs|vb)proj)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
