using System.Globalization;
using System.Xml.Linq;

namespace Idp.Build.Components.Test;

/// <summary>
/// Writes JUnit XML — the format GitLab's <c>reports: junit</c> and Jenkins' <c>junit</c> step read — from TRX results:
/// one <c>testsuite</c> per test class, failures with message and stack trace, skipped tests marked.
/// </summary>
public static class JUnitWriter
{
    public static void Write(TestRun run, string path)
    {
        var suites = run.Cases.GroupBy(c => c.ClassName).Select(group => new XElement("testsuite",
            new XAttribute("name", group.Key.Length == 0 ? run.Project : group.Key),
            new XAttribute("tests", group.Count()),
            new XAttribute("failures", group.Count(c => c.Failed)),
            new XAttribute("skipped", group.Count(c => c.Skipped)),
            new XAttribute("time", Seconds(group.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration))),
            group.Select(Case)));
        var document = new XDocument(new XElement("testsuites",
            new XAttribute("name", run.Project),
            new XAttribute("tests", run.Cases.Count),
            new XAttribute("failures", run.Failed),
            new XAttribute("skipped", run.Skipped),
            suites));
        document.Save(path);
    }

    private static XElement Case(TestCaseResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", result.ClassName),
            new XAttribute("name", result.Name),
            new XAttribute("time", Seconds(result.Duration)));
        if (result.Failed)
            element.Add(new XElement("failure", new XAttribute("message", result.Message ?? result.Outcome), result.StackTrace ?? ""));
        else if (result.Skipped)
            element.Add(new XElement("skipped", new XAttribute("message", result.Message ?? "")));
        return element;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
