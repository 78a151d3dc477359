using Idp.Adopt.Detection;

namespace Idp.Adopt.Templates;

/// <summary>
/// The template's files with its placeholders (sourceName <c>Company.Service</c>, <c>company-service</c>,
/// <c>platform-team</c>, the port, the feed) replaced by what was detected, and the few changes an existing
/// repository needs.
/// </summary>
internal static class AdoptedFiles
{
    public static string Verbatim(string path) => TemplateFiles.Read(path);

    /// <summary>build/_build.csproj with its own target framework and package versions, since an existing repository's Directory.*.props are not the template's.</summary>
    public static string BuildProject(RepositoryFacts facts, string sdkVersion)
    {
        const string file = "build/_build.csproj";
        var name = Path.GetFileNameWithoutExtension(facts.Projects.Web.Path);
        return TemplateFiles.Read(file)
            .Replace(file, "Company.Service", name)
            .Replace(file, "    <OutputType>Exe</OutputType>\n", """
                    <OutputType>Exe</OutputType>
                    <!-- Settings of its own, whatever the repository's Directory.Build.props and Directory.Packages.props say. -->
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>

                """.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Replace(file, "its version is IdpBuildVersion in Directory.Packages.props", "a version bump here brings every fix of the SDK")
            .Replace(file, "<PackageReference Include=\"Idp.Build\" />", $"<PackageReference Include=\"Idp.Build\" Version=\"{sdkVersion}\" />")
            .Replace(file, "<PackageReference Include=\"Idp.Build.Components\" />", $"<PackageReference Include=\"Idp.Build.Components\" Version=\"{sdkVersion}\" />");
    }

    /// <summary>.nuke/parameters.json, naming the solution when the repository has several.</summary>
    public static string Parameters(RepositoryFacts facts)
    {
        const string file = ".nuke/parameters.json";
        var text = TemplateFiles.Read(file);
        return facts.Solution.Others.Count == 0
            ? text
            : text.Replace(file, "\"$schema\": \"./build.schema.json\"", $"\"$schema\": \"./build.schema.json\",\n  \"Solution\": \"{facts.Solution.Path}\"");
    }

    /// <summary>The golden path's Dockerfile for the detected service, assembly and port.</summary>
    public static string Dockerfile(RepositoryFacts facts)
    {
        const string file = "Dockerfile";
        return TemplateFiles.Read(file)
            .Replace(file, "company-service", facts.ServiceName.Value)
            .Replace(file, "Company.Service", facts.Projects.Web.AssemblyName)
            .Replace(file, "8080", facts.Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A thin CI file for the service.</summary>
    public static string Ci(string file, RepositoryFacts facts) =>
        TemplateFiles.Read(file).Replace("company-service", facts.ServiceName.Value, StringComparison.Ordinal);

    /// <summary>nuget.config with the Idp.* packages from <paramref name="feed"/>.</summary>
    public static string NuGetConfig(string feed) =>
        TemplateFiles.Read("nuget.config").Replace("nuget.config", AdoptOptions.DefaultFeed, feed);

    /// <summary>A solution listing the repository's projects, for a repository that has none.</summary>
    public static string Solution(IEnumerable<string> projects) =>
        "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n";
}
