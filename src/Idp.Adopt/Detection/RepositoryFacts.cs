namespace Idp.Adopt.Detection;

/// <summary>Everything detected in the repository, before anything is planned or written.</summary>
public sealed record RepositoryFacts(
    string Root,
    SolutionDetector.Result Solution,
    WebProjectDetector.Result Projects,
    Finding<string> Framework,
    Finding<string> ServiceName,
    Finding<string> Team,
    Finding<int> Port,
    HealthEndpointDetector.Result Health,
    DockerfileInspector.Result Dockerfile,
    CiFileDetector.Result Ci)
{
    /// <summary>Runs every detector; an <see cref="AdoptionProblem"/> when the repository cannot be adopted.</summary>
    public static RepositoryFacts Detect(string root, AdoptOptions options)
    {
        var solution = SolutionDetector.Detect(root, options.Solution);
        var projects = WebProjectDetector.Detect(root, solution.Path, solution.Projects, options.Project);
        var web = projects.Web;
        var projectDirectory = Path.Combine(root, web.Directory);
        var dockerfile = DockerfileInspector.Inspect(root);
        return new RepositoryFacts(
            root,
            solution,
            projects,
            web.TargetFramework is { } tfm
                ? new Finding<string>(tfm, web.Path)
                : Finding<string>.Default("net10.0", "golden-path default (no TargetFramework found)"),
            ServiceNames.From(web),
            TeamDetector.Detect(root, options.Team),
            PortDetector.Detect(projectDirectory, dockerfile.Kind == DockerfileInspector.Kind.Packages ? dockerfile.Path : null),
            HealthEndpointDetector.Detect(projectDirectory),
            dockerfile,
            CiFileDetector.Detect(root));
    }
}
