namespace Idp.Build.Components.Image;

/// <summary>
/// The context <c>DockerBuild</c> sends: the context directory as <c>.dockerignore</c> leaves it. For the classic
/// builder it also carries a copy of the Dockerfile with the image's labels in one instruction (<see cref="LabelInstruction"/>).
/// </summary>
/// <remarks>
/// The engine applies no <c>.dockerignore</c> to an uploaded tar (the docker CLI filters before it sends), so this does.
/// The classic builder then drops the build files the sent <c>.dockerignore</c> lists; the labelled copy is listed,
/// so <c>COPY . …</c> and the build cache see the service's files exactly, and a new commit's labels never invalidate
/// a cached <c>COPY</c>. BuildKit drops nothing: a Dockerfile that <c>.dockerignore</c> excludes still goes in, since
/// BuildKit reads it from the context, and <c>COPY . …</c> sees it there.
/// </remarks>
public static class DockerBuildContext
{
    /// <summary>The name of the labelled Dockerfile inside the context.</summary>
    public const string LabelledDockerfile = ".idp-labelled.Dockerfile";

    private const string IgnoreFile = ".dockerignore";

    /// <summary>
    /// Writes the context of <paramref name="directory"/> to <paramref name="output"/>; returns the number of files. With
    /// <paramref name="labels"/> (the classic builder), adds <paramref name="dockerfile"/> (relative to the directory)
    /// labelled for stage <paramref name="target"/> as <see cref="LabelledDockerfile"/>.
    /// </summary>
    public static int Write(Stream output, AbsolutePath directory, string dockerfile, string? target,
        IEnumerable<KeyValuePair<string, string>>? labels, DateTimeOffset timestamp)
    {
        var ignoreFile = directory / IgnoreFile;
        var ignoreText = ignoreFile.FileExists() ? File.ReadAllText(ignoreFile) : "";
        var ignore = DockerIgnore.Parse(ignoreText.Split('\n'));
        using var archive = new ContextArchive(output, timestamp);
        if (labels is null)
        {
            archive.AddTree(directory, "", ignore);
            if (ignore.IsExcluded(dockerfile.Replace('\\', '/')))
                archive.AddFile(dockerfile.Replace('\\', '/'), directory / dockerfile);
            return archive.FileCount;
        }

        var sendsIgnoreFile = ignoreFile.FileExists() && !ignore.IsExcluded(IgnoreFile);
        archive.AddTree(directory, "", DockerIgnore.Parse([.. ignoreText.Split('\n'), IgnoreFile]));
        archive.AddText(LabelledDockerfile, LabelInstruction.AddTo(File.ReadAllText(directory / dockerfile), target, labels));
        // The engine drops the listed files after reading the Dockerfile; .dockerignore itself only when the
        // service's own file was not in the context.
        var ownRules = ignoreText.Length == 0 ? "" : ignoreText.TrimEnd('\n') + "\n";
        archive.AddText(IgnoreFile, $"{ownRules}{LabelledDockerfile}\n{(sendsIgnoreFile ? "" : IgnoreFile + "\n")}");
        return archive.FileCount;
    }
}
