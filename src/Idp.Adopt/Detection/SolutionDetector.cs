using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Idp.Adopt.Detection;

/// <summary>
/// The solution the golden path builds: the one given with --solution, else the single .sln or .slnx at the root.
/// A repository without one gets a .slnx listing its projects (the build needs a solution).
/// </summary>
public static partial class SolutionDetector
{
    /// <summary>The solution and the projects it lists.</summary>
    /// <param name="Path">Relative to the root.</param>
    /// <param name="Projects">The projects, relative to the root, with <c>/</c>.</param>
    /// <param name="IsNew">No solution exists: the adoption writes this one.</param>
    /// <param name="Others">The other solutions at the root (when --solution chose one of several).</param>
    public sealed record Result(string Path, IReadOnlyList<string> Projects, bool IsNew, IReadOnlyList<string> Others);

    /// <summary>The solution under <paramref name="root"/>: <paramref name="requested"/> (--solution), else the only one, else a new one.</summary>
    public static Result Detect(string root, string? requested)
    {
        var solutions = Directory.GetFiles(root, "*.sln").Concat(Directory.GetFiles(root, "*.slnx"))
            .Select(p => System.IO.Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray();
        if (requested is not null)
        {
            var relative = System.IO.Path.GetRelativePath(root, System.IO.Path.GetFullPath(requested, root)).Replace('\\', '/');
            if (!File.Exists(System.IO.Path.Combine(root, relative)))
                throw new AdoptionProblem($"--solution {requested}: no such file in {root}. Solutions here: {List(solutions)}.");
            return new Result(relative, Read(root, relative), false, solutions.Where(s => s != relative).ToArray());
        }
        switch (solutions.Length)
        {
            case 1:
                return new Result(solutions[0], Read(root, solutions[0]), false, []);
            case > 1:
                throw new AdoptionProblem(
                    $"{root} has {solutions.Length} solutions: {List(solutions)}. Choose the one the golden path builds with --solution <file>, e.g. --solution {solutions[0]}.");
        }
        var projects = ProjectsUnder(root);
        if (projects.Count == 0)
            throw new AdoptionProblem(
                $"{root} is not a .NET repository: it has no .sln, .slnx or .csproj (bin/, obj/ and build/ not counted). Run idp-adopt at the root of the service's repository; for a new service use 'dotnet new idp-service'.");
        return new Result(System.IO.Path.GetFileName(System.IO.Path.GetFullPath(root).TrimEnd('/', '\\')) + ".slnx", projects, true, []);
    }

    private static IReadOnlyList<string> Read(string root, string solution)
    {
        var full = System.IO.Path.Combine(root, solution);
        IReadOnlyList<string> projects;
        try
        {
            projects = solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? ReadSlnx(full) : ReadSln(full);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException or FormatException)
        {
            throw new AdoptionProblem(
                $"The solution {solution} could not be read: {e.Message} Fix it (or recreate it: dotnet new sln; dotnet sln add <projects>) and run again, or choose another with --solution.");
        }
        var directory = System.IO.Path.GetDirectoryName(full)!;
        var relative = projects
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => System.IO.Path.GetRelativePath(root, System.IO.Path.GetFullPath(p.Replace('\\', '/'), directory)).Replace('\\', '/'))
            .ToArray();
        var missing = relative.Where(p => !File.Exists(System.IO.Path.Combine(root, p))).ToArray();
        if (missing.Length > 0)
            throw new AdoptionProblem($"The solution {solution} lists projects that do not exist: {string.Join(", ", missing)}. Remove them (dotnet sln remove) or restore the files, then run again.");
        if (relative.Length == 0)
            throw new AdoptionProblem($"The solution {solution} lists no C# project. Add the service's projects (dotnet sln {solution} add <project>) and run again.");
        return relative;
    }

    private static string[] ReadSlnx(string path)
    {
        var solution = XDocument.Load(path).Root;
        if (solution?.Name.LocalName != "Solution")
            throw new FormatException("its root element is not <Solution>.");
        return solution.Descendants("Project").Select(p => (string?)p.Attribute("Path")).OfType<string>().ToArray();
    }

    private static string[] ReadSln(string path)
    {
        var text = File.ReadAllText(path);
        if (!text.TrimStart('\uFEFF', '\r', '\n', ' ').StartsWith("Microsoft Visual Studio Solution File", StringComparison.Ordinal))
            throw new FormatException("it does not start with 'Microsoft Visual Studio Solution File', so it is not a Visual Studio solution.");
        return SlnProject().Matches(text).Select(m => m.Groups["path"].Value).ToArray();
    }

    private static IReadOnlyList<string> ProjectsUnder(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(root, "*.csproj", options)
            .Select(p => System.IO.Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')) && !p.StartsWith("build/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names);

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
