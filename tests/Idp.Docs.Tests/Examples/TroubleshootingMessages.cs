using System.Text.RegularExpressions;
using Idp.Build.Components.Deploy.Diagnosis;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// troubleshooting.md quotes the messages the build prints: each block under <c>&lt;!-- message: file --&gt;</c> must
/// be producible by that file's string literals (<c>&lt;…&gt;</c> stands for an interpolated value), and the
/// diagnosis table has one row per failure signature, titled as the diagnosis titles it.
/// </summary>
public sealed partial class TroubleshootingMessages
{
    private const string Page = "docs/troubleshooting.md";

    public static TheoryData<int> QuotedMessages()
    {
        var data = new TheoryData<int>();
        foreach (var block in MarkdownPages.Blocks(Page).Where(b => b.Marker?.StartsWith("message:", StringComparison.Ordinal) == true))
            data.Add(block.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(QuotedMessages))]
    public void The_quoted_message_is_the_one_the_code_prints(int line)
    {
        var block = MarkdownPages.Blocks(Page).Single(b => b.Line == line);
        var file = RepositoryRoot.Path / block.Marker!["message:".Length..].Trim();
        File.Exists(file).ShouldBeTrue($"{Page}:{line} names {file}, which does not exist");
        var messages = SourceMessages.Of(file);

        foreach (var message in block.Lines.Where(l => l.Trim().Length > 0))
            messages.CanProduce(message).ShouldBeTrue($"{Page}:{line}: no message of {file} reads\n{message}");
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
