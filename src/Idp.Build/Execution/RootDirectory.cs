namespace Idp.Build.Execution;

/// <summary>The root: <c>--root</c>, else the nearest directory holding <c>.nuke/</c> above the working directory, else above the build assembly.</summary>
internal static class RootDirectory
{
    public static AbsolutePath Find(string? requested, string workingDirectory, string assemblyDirectory)
    {
        if (requested is not null)
        {
            return Directory.Exists(requested)
                ? AbsolutePath.Create(requested)
                : throw new BuildException($"--root {requested} does not exist. Give an existing directory (usually the one holding .nuke/).");
        }
        return Above(workingDirectory) ?? Above(assemblyDirectory) ?? AbsolutePath.Create(workingDirectory);
    }

    private static AbsolutePath? Above(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return AbsolutePath.Create(directory.FullName);
        }
        return null;
    }
}
