namespace Idp.Pipelines.Tests.Jenkins;

/// <summary>Where the Jenkins shared library and its Groovy tests are in this repository.</summary>
internal static class SharedLibraryPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Library => Path.Combine(RepositoryRoot, "jenkins-shared-lib");

    public static string TestScript => Path.Combine(Library, "test", "run-tests.sh");

    /// <summary>The Groovy test classes on disk (every *Tests.groovy under test/), by simple class name.</summary>
    public static IReadOnlyList<string> GroovyTestClasses() =>
        Directory.EnumerateFiles(Path.Combine(Library, "test"), "*Tests.groovy", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Idp.Build.sln")) && Directory.Exists(Path.Combine(directory.FullName, "jenkins-shared-lib")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds both Idp.Build.sln and jenkins-shared-lib/; run the tests from a clone of the repository.");
    }
}
