using System.Xml.Linq;

namespace Idp.Build.Repository;

/// <summary>
/// The counts of all .trx files in a directory, printed as the plain "N passed, N failed" line CI reads, and the
/// tests that failed with the start of their message: CI keeps only the tail of a long log, so a failure has to be
/// named again at the end to be found.
/// </summary>
sealed record TrxTotals(int Passed, int Failed, int Skipped, IReadOnlyList<FailedTest> Failures)
{
    public static TrxTotals Read(string directory)
    {
        if (!Directory.Exists(directory))
            return new TrxTotals(0, 0, 0, []);
        var documents = Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories).Select(XDocument.Load).ToArray();
        var counters = documents
            .Select(d => d.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters"))
            .OfType<XElement>()
            .ToArray();
        int Sum(string attribute) => counters.Sum(c => int.TryParse(c.Attribute(attribute)?.Value, out var n) ? n : 0);
        var failures = documents
            .SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "UnitTestResult" && (string?)e.Attribute("outcome") == "Failed"))
            .Select(FailedTest.From)
            .ToArray();
        return new TrxTotals(Sum("passed"), Sum("failed"), Sum("notExecuted"), failures);
    }

    /// <summary>The failed tests, then the totals line last.</summary>
    public string Report() =>
        string.Concat(Failures.Select(f => f + "\n")) + this + "\n";

    public override string ToString() => $"Tests: {Passed} passed, {Failed} failed, {Skipped} skipped";
}

sealed record FailedTest(string Name, string Message)
{
    const int MessageLines = 10;
    const int SourceFrames = 3;

    public static FailedTest From(XElement result)
    {
        var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? "(no message)";
        var stack = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "StackTrace")?.Value ?? "";
        // The frames with a file and line are the project's own code; the others are the assertion library's.
        var lines = Lines(message).Take(MessageLines).Concat(Lines(stack).Where(l => l.Contains(":line ")).Take(SourceFrames));
        return new FailedTest((string?)result.Attribute("testName") ?? "(unnamed)", string.Join("\n", lines));
    }

    static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);

    public override string ToString() =>
        $"Failed {Name}\n" + string.Concat(Message.Split('\n').Select(l => $"    {l}\n")).TrimEnd('\n');
}
