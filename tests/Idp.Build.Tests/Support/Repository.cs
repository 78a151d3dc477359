namespace Idp.Build.Tests.Support;

/// <summary>Paths of this repository, found from the test assembly's location.</summary>
internal static class Repository
{
    public static AbsolutePath Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Debug or Release), so fixtures are taken from the same build.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static AbsolutePath FixtureAssembly(string name) =>
        Root / "tests" / "fixtures" / name / "bin" / Configuration / "net10.0" / (name + ".dll");

    private static AbsolutePath FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Idp.Build.sln")))
                return AbsolutePath.Create(directory.FullName);
        }
        throw new InvalidOperationException($"No Idp.Build.sln above {AppContext.BaseDirectory}.");
    }
}
