using System.Text.RegularExpressions;

namespace Idp.Build.Components.Deploy.Manifests;

// A deploy runs exactly what Push produced: the image must be pinned by digest, never by a movable tag.
internal static partial class ImageReference
{
    public static string? Problem(string image) =>
        DigestPinned().IsMatch(image) ? null :
        $"The image '{image}' is not pinned by digest: give 'registry/repository@sha256:<64 hex digits>', " +
        "the digest Push reported (a tag can be moved after the deploy was reviewed).";

    [GeneratedRegex("^[^@\\s]+@sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPinned();
}
