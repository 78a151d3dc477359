namespace Idp.Adopt.Detection;

/// <summary>The short table of what was detected, printed before anything is written.</summary>
public static class DetectionTable
{
    /// <summary>One row: what, the value found, where it came from.</summary>
    public static IReadOnlyList<(string What, string Found, string From)> Rows(RepositoryFacts facts)
    {
        var rows = new List<(string, string, string)>
        {
            ("solution", facts.Solution.Path, facts.Solution.IsNew ? "none in the repository: written listing its projects" : Others(facts.Solution.Others)),
            ("web project", facts.Projects.Web.Path, facts.Projects.OtherWebProjects.Count > 0 ? "--project; also: " + string.Join(", ", facts.Projects.OtherWebProjects.Select(p => p.Path)) : "SDK Microsoft.NET.Sdk.Web"),
            ("test projects", facts.Projects.Tests.Count == 0 ? "none" : string.Join(", ", facts.Projects.Tests.Select(p => p.Path)), facts.Projects.Tests.Count == 0 ? "coverage threshold 0 until tests are added" : "reference Microsoft.NET.Test.Sdk"),
            ("target framework", facts.Framework.Value, facts.Framework.Source),
            ("service name", facts.ServiceName.Value, facts.ServiceName.Source),
            ("team", facts.Team.Value, facts.Team.Source),
            ("port", facts.Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), facts.Port.Source),
            ("health endpoint", facts.Health.Health.Value, facts.Health.Health.Source),
        };
        if (facts.Health.Readiness is { } readiness)
            rows.Add(("readiness endpoint", readiness, "MapGet/MapHealthChecks naming 'ready'"));
        rows.Add(("Dockerfile", facts.Dockerfile.Kind switch
        {
            DockerfileInspector.Kind.None => "none",
            DockerfileInspector.Kind.Packages => "Dockerfile (kept and used)",
            _ => $"Dockerfile ({facts.Dockerfile.Stages} stages, restores inside the image)",
        }, facts.Dockerfile.Kind switch
        {
            DockerfileInspector.Kind.None => "the golden path's is written",
            DockerfileInspector.Kind.Packages => "packages what was built outside the image",
            _ => "needs the NuGet feeds inside the image build: Dockerfile.idp is written beside it",
        }));
        var ci = new[] { facts.Ci.GitLab ? ".gitlab-ci.yml" : null, facts.Ci.Jenkins ? "Jenkinsfile" : null }.OfType<string>().ToArray();
        rows.Add(("CI files", ci.Length == 0 ? "none" : string.Join(", ", ci), ci.Length == 0 ? "" : "never overwritten: the golden-path version is written beside"));
        return rows;
    }

    /// <summary>The rows as aligned text.</summary>
    public static string Format(IEnumerable<(string What, string Found, string From)> rows)
    {
        var list = rows.ToArray();
        var what = list.Max(r => r.What.Length);
        var found = list.Max(r => r.Found.Length);
        return string.Join(Environment.NewLine, list.Select(r => $"  {r.What.PadRight(what)}  {r.Found.PadRight(found)}  {r.From}".TrimEnd()));
    }

    private static string Others(IReadOnlyList<string> others) =>
        others.Count == 0 ? "the only solution at the root" : "--solution; also at the root: " + string.Join(", ", others);
}
