namespace Idp.Templates.Tests.Support;

/// <summary>
/// The template package packed from src/Idp.Templates and installed into a throwaway template hive
/// (--debug:custom-hive), so the tests never touch the user's installed templates. Shared by the test classes.
/// </summary>
public sealed class TemplateHive : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly string root = Directory.CreateTempSubdirectory("idp-templates-").FullName;

    public TemplateHive()
    {
        var packages = Path.Combine(root, "packages");
        Dotnet(root, "pack", RepositoryLayout.TemplateProject, "--output", packages, $"-p:Version={PackageVersion}", "--nologo", "-v", "q").ShouldSucceed();
        Package = Directory.GetFiles(packages, "Idp.Templates.*.nupkg").Single();
        Dotnet(root, "new", "install", Package, "--debug:custom-hive", Hive).ShouldSucceed();
    }

    /// <summary>The version the package is packed under: not the repository's default, so that it shows where it is used.</summary>
    public const string PackageVersion = "0.9.0-hive";

    /// <summary>The packed Idp.Templates package.</summary>
    public string Package { get; }

    private string Hive => Path.Combine(root, "hive");

    /// <summary>Runs <c>dotnet new idp-service</c> with <paramref name="arguments"/> in a new empty directory.</summary>
    public Generation New(params string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("idp-service-").FullName;
        var result = Dotnet(directory, ["new", "idp-service", .. arguments, "--debug:custom-hive", Hive]);
        return new Generation(directory, result);
    }

    internal static CommandResult Dotnet(string workingDirectory, params string[] arguments) =>
        Command.Run("dotnet", arguments, workingDirectory, Limit);

    public void Dispose() => Directory.Delete(root, recursive: true);
}
