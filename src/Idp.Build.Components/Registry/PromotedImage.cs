using System.Text.RegularExpressions;

namespace Idp.Build.Components.Registry;

/// <summary>An image promoted by digest from an earlier job (GitLab's dotenv <c>IMAGE_DIGEST</c>), instead of one built here.</summary>
public static partial class PromotedImage
{
    /// <summary>
    /// The image <paramref name="digest"/> in <paramref name="repository"/> (pushed as <paramref name="tag"/>); when <paramref name="artifacts"/> holds an
    /// <c>image.json</c> (Push ran in this workspace), its repository, and it must record the same digest.
    /// </summary>
    /// <exception cref="BuildException">The digest is malformed, or <c>image.json</c> records another image.</exception>
    public static PushResult Of(string digest, string repository, string tag, AbsolutePath artifacts)
    {
        if (!Digest().IsMatch(digest))
            throw new BuildException($"--image-digest (IMAGE_DIGEST) is '{digest}', not a manifest digest 'sha256:' + 64 hex digits. Pass the IMAGE_DIGEST line of the image job's artifacts/image.env.");
        if (!(artifacts / "image.json").FileExists())
            return new PushResult(repository, tag, digest, 0, AlreadyPresent: true, new Dictionary<string, string>());
        var recorded = PushResult.ReadFrom(artifacts);
        if (recorded.Digest != digest)
        {
            throw new BuildException(
                $"--image-digest (IMAGE_DIGEST) is {digest}, but {artifacts / "image.json"} records {recorded.Reference}: this job got the artifacts of another image job. " +
                "Deploy one image: take IMAGE_DIGEST and artifacts from the same job, or leave --image-digest out to deploy what Push recorded.");
        }
        return recorded;
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
