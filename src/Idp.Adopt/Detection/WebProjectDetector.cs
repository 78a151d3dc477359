namespace Idp.Adopt.Detection;

/// <summary>The web project the golden path ships (SDK <c>Microsoft.NET.Sdk.Web</c>, not a test project) and the test projects.</summary>
public static class WebProjectDetector
{
    /// <summary>The shipped project and the test projects of the solution.</summary>
    public sealed record Result(ProjectFile Web, IReadOnlyList<ProjectFile> Tests, IReadOnlyList<ProjectFile> OtherWebProjects);

    /// <summary>The web project of <paramref name="solution"/> (<paramref name="requested"/> with --project) and its test projects.</summary>
    public static Result Detect(string root, string solution, IReadOnlyList<string> projectPaths, string? requested)
    {
        var projects = projectPaths.Select(p => ProjectFile.Read(root, p)).ToArray();
        var tests = projects.Where(p => p.IsTest).ToArray();
        var web = projects.Where(p => p.IsWeb && !p.IsTest).ToArray();
        ProjectFile chosen;
        if (requested is not null)
        {
            var relative = Path.GetRelativePath(root, Path.GetFullPath(requested, root)).Replace('\\', '/');
            chosen = web.FirstOrDefault(p => p.Path == relative)
                ?? throw new AdoptionProblem($"--project {requested} is not a web project of {solution}. Its web projects: {Names(web)}.");
        }
        else
        {
            chosen = web.Length switch
            {
                1 => web[0],
                0 => throw new AdoptionProblem(
                    $"{solution} has no web project to ship: none of its {projects.Length} projects ({Names(projects)}) uses the SDK Microsoft.NET.Sdk.Web. The golden path deploys an ASP.NET Core service; adopt the repository that holds it, or choose its solution with --solution."),
                _ => throw new AdoptionProblem(
                    $"{solution} has {web.Length} web projects: {Names(web)}. Choose the one to ship with --project <path>, e.g. --project {web[0].Path}."),
            };
        }
        if (chosen.Directory.Length == 0)
            throw new AdoptionProblem(
                $"The web project {chosen.Path} is at the repository root, so it would compile the build project's build/Build.cs as part of the service. Move it into its own folder (e.g. src/{Path.GetFileNameWithoutExtension(chosen.Path)}/) and run again.");
        return new Result(chosen, tests, web.Where(p => p != chosen).ToArray());
    }

    private static string Names(IEnumerable<ProjectFile> projects) =>
        projects.Any() ? string.Join(", ", projects.Select(p => p.Path)) : "none";
}
