using System.Text.RegularExpressions;
using Idp.Build.Components.Repository;

namespace Idp.Build.Components.Image;

/// <summary>The tags of a golden-path image: the commit SHA and the version; never <c>latest</c> (deploys go by digest).</summary>
public static partial class ImageTags
{
    /// <summary>The commit SHA (or "local" outside git) first, then the version made tag-safe (<c>1.4.1-ci.3+abc</c> → <c>1.4.1-ci.3-abc</c>).</summary>
    public static IReadOnlyList<string> For(GitRepository git) =>
        new[] { git.CommitSha ?? "local", Safe(git.Version) }.Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A tag the registry accepts: <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>.</summary>
    public static string Safe(string text)
    {
        var tag = Unsafe().Replace(text, "-");
        if (tag.Length == 0 || tag[0] is '.' or '-')
            tag = "v" + tag;
        return tag.Length > 128 ? tag[..128] : tag;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex Unsafe();
}
