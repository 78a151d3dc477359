using System.Text.RegularExpressions;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Examples;

/// <summary>The pages link to each other instead of repeating each other, so every relative link and anchor must resolve.</summary>
public sealed partial class LinksBetweenPages
{
    [Fact]
    public void Every_relative_link_names_an_existing_file_and_heading()
    {
        var broken = new List<string>();
        foreach (var page in MarkdownPages.All())
        {
            var lines = File.ReadAllLines(RepositoryRoot.Path / page);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match link in Link().Matches(lines[i]))
                {
                    var target = link.Groups["file"].Value;
                    if (target.Contains("://", StringComparison.Ordinal))
                        continue;
                    var file = target.Length == 0
                        ? RepositoryRoot.Path / page
                        : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryRoot.Path / page)!, target));
                    if (!File.Exists(file) && !Directory.Exists(file))
                        broken.Add($"{page}:{i + 1}: {target} does not exist");
                    else if (link.Groups["anchor"].Success && !Anchors(file).Contains(link.Groups["anchor"].Value))
                        broken.Add($"{page}:{i + 1}: {target} has no heading #{link.Groups["anchor"].Value}");
                }
            }
        }

        broken.ShouldBeEmpty(string.Join('\n', broken));
    }

    // GitHub's anchors: the heading in lower case, without punctuation other than '-' and '_', spaces as '-'.
    // A '#' line inside a fenced block is not a heading.
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in File.ReadAllLines(file))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                inFence = !inFence;
            else if (!inFence && line.StartsWith('#'))
                anchors.Add(Punctuation().Replace(line.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'));
        }
        return anchors;
    }

    [GeneratedRegex(@"\]\((?<file>[^)#\s]*)(?:#(?<anchor>[^)\s]+))?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[^\p{L}\p{Nd} _-]")]
    private static partial Regex Punctuation();
}
