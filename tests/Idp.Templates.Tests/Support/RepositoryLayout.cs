namespace Idp.Templates.Tests.Support;

/// <summary>Paths in this repository, found from the test assembly upwards.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string TemplateProject => Path.Combine(Root, "src", "Idp.Templates");

    public static string TemplateContent => Path.Combine(TemplateProject, "content", "idp-service");

    public static string Sample => Path.Combine(Root, "samples", "hello-service");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Idp.Build.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No Idp.Build.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    }
}
