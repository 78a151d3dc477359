using System.Globalization;
using System.Xml.Linq;

namespace Idp.Build.Components.Test;

/// <summary>Reads a Visual Studio TRX file (what <c>dotnet test --logger trx</c> writes).</summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TestRun Read(string path, string project)
    {
        var document = XDocument.Load(path);
        var classes = document.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? "",
            t => (string?)t.Element(Ns + "TestMethod")?.Attribute("className") ?? "");
        var cases = document.Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var output = r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo");
            var testId = (string?)r.Attribute("testId") ?? "";
            return new TestCaseResult(
                project,
                classes.GetValueOrDefault(testId, ""),
                (string?)r.Attribute("testName") ?? "",
                (string?)r.Attribute("outcome") ?? "Unknown",
                TimeSpan.TryParse((string?)r.Attribute("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero,
                output?.Element(Ns + "Message")?.Value,
                output?.Element(Ns + "StackTrace")?.Value);
        }).ToArray();
        return new TestRun(project, cases);
    }
}
