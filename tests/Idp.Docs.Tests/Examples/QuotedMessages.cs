using System.Text.RegularExpressions;
using Idp.Build.Components.Deploy.Diagnosis;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// The pages quote the messages the build prints: each block under <c>&lt;!-- message: file --&gt;</c> (most are in
/// troubleshooting.md) must be producible by that file's string literals (<c>&lt;…&gt;</c> stands for an
/// interpolated value), and the diagnosis table has one row per failure signature, titled as the diagnosis titles it.
/// </summary>
public sealed partial class QuotedMessages
{
    private const string Page = "docs/troubleshooting.md";

    public static TheoryData<string, int> MarkedBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in MarkdownPages.AllBlocks().Where(b => b.Marker?.StartsWith("message:", StringComparison.Ordinal) == true))
            data.Add(block.Page, block.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(MarkedBlocks))]
    public void The_quoted_message_is_the_one_the_code_prints(string page, int line)
    {
        var block = MarkdownPages.Blocks(page).Single(b => b.Line == line);
        var file = RepositoryRoot.Path / block.Marker!["message:".Length..].Trim();
        File.Exists(file).ShouldBeTrue($"{page}:{line} names {file}, which does not exist");
        var messages = SourceMessages.Of(file);

        foreach (var message in block.Lines.Where(l => l.Trim().Length > 0))
            messages.CanProduce(message).ShouldBeTrue($"{page}:{line}: no message of {file} reads\n{message}");
    }

    [Fact]
    public void The_diagnosis_table_has_a_row_per_failure_signature_with_its_title()
    {
        var rules = typeof(DiagnosisRules).GetFields().Where(f => f.IsLiteral).ToList();
        var page = File.ReadAllText(RepositoryRoot.Path / Page);
        var table = page[page.IndexOf("| title |", StringComparison.Ordinal)..];
        var rows = TableRow().Matches(table[..table.IndexOf("\n\n", StringComparison.Ordinal)]).Select(m => m.Groups["title"].Value).ToList();
        var ruleSources = Directory.GetFiles(RepositoryRoot.Path / "src" / "Idp.Build.Components" / "Deploy" / "Diagnosis" / "Rules", "*Rule.cs")
            .Where(f => !f.EndsWith("IDiagnosisRule.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        rows.Count.ShouldBe(rules.Count, "one row per constant of DiagnosisRules");
        ruleSources.Count.ShouldBe(rules.Count);
        foreach (var title in rows)
            ruleSources.Count(s => s.Contains($"\"{title}\",", StringComparison.Ordinal)).ShouldBe(1, $"the title '{title}' of {Page}");
    }

    [GeneratedRegex(@"^\| (?<title>[A-Z][^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
