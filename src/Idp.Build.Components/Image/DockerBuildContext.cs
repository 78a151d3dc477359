namespace Idp.Build.Components.Image;

/// <summary>
/// The context <c>DockerBuild</c> sends: the context directory as <c>.dockerignore</c> leaves it, plus a copy of the
/// Dockerfile that carries the image's labels in one instruction (<see cref="LabelInstruction"/>).
/// </summary>
/// <remarks>
/// The copy goes in under a name of its own, listed in the <c>.dockerignore</c> that is sent: the engine reads the
/// Dockerfile and then drops every listed build file from the context, so <c>COPY . …</c> and the build cache see
/// the service's files exactly, and a new commit's labels never invalidate a cached <c>COPY</c>.
/// </remarks>
public static class DockerBuildContext
{
    /// <summary>The name of the labelled Dockerfile inside the context.</summary>
    public const string LabelledDockerfile = ".idp-labelled.Dockerfile";

    private const string IgnoreFile = ".dockerignore";

    /// <summary>
    /// Writes the context of <paramref name="directory"/> to <paramref name="output"/>, with <paramref name="dockerfile"/>
    /// (relative to the directory) labelled for stage <paramref name="target"/>; returns the number of files.
    /// </summary>
    public static int Write(Stream output, AbsolutePath directory, string dockerfile, string? target,
        IEnumerable<KeyValuePair<string, string>> labels, DateTimeOffset timestamp)
    {
        var ignoreFile = directory / IgnoreFile;
        var ignoreText = ignoreFile.FileExists() ? File.ReadAllText(ignoreFile) : "";
        var ignore = DockerIgnore.Parse(ignoreText.Split('\n'));
        var sendsIgnoreFile = ignoreFile.FileExists() && !ignore.IsExcluded(IgnoreFile);
        var labelled = LabelInstruction.AddTo(File.ReadAllText(directory / dockerfile), target, labels);

        using var archive = new ContextArchive(output, timestamp);
        archive.AddTree(directory, "", DockerIgnore.Parse([.. ignoreText.Split('\n'), IgnoreFile]));
        archive.AddText(LabelledDockerfile, labelled);
        // The engine drops the listed files after reading the Dockerfile; .dockerignore itself only when the
        // service's own file was not in the context.
        var ownRules = ignoreText.Length == 0 ? "" : ignoreText.TrimEnd('\n') + "\n";
        archive.AddText(IgnoreFile, $"{ownRules}{LabelledDockerfile}\n{(sendsIgnoreFile ? "" : IgnoreFile + "\n")}");
        return archive.FileCount;
    }
}
