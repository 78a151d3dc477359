using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Paths;

/// <summary><see cref="AbsolutePath.GlobFiles"/>, which target inputs and outputs are found with.</summary>
public sealed class Globbing : IDisposable
{
    private readonly TempDirectory _repository = new();

    public Globbing()
    {
        foreach (var file in (string[])
            [
                "Service.csproj", "src/Api/Api.csproj", "src/Api/obj/project.assets.json", "tests/Api.Tests/Api.Tests.csproj",
                ".nuget/packages/some.package/1.0.0/content/Sample.csproj", ".git/modules/Vendored.csproj",
                ".config/dotnet-tools.json", "src/.config/dotnet-tools.json", ".editorconfig",
            ])
            _repository.Write(file, "");
    }

    [Fact]
    public void Double_star_matches_at_any_depth_and_single_star_within_one_folder()
    {
        Relative("**/*.csproj").ShouldBe(["Service.csproj", "src/Api/Api.csproj", "tests/Api.Tests/Api.Tests.csproj"]);
        Relative("src/*/*.csproj").ShouldBe(["src/Api/Api.csproj"]);
        Relative("**/obj/project.assets.json").ShouldBe(["src/Api/obj/project.assets.json"]);
    }

    [Fact]
    public void Wildcards_do_not_enter_folders_whose_names_start_with_a_dot()
    {
        Relative("**/*.csproj").ShouldNotContain(p => p.StartsWith('.'), "a NuGet cache or git folder inside the repository is not a source");
        Relative("**/*.json").ShouldBe(["src/Api/obj/project.assets.json"]);
    }

    [Fact]
    public void A_pattern_that_names_a_dot_folder_or_file_finds_it()
    {
        Relative("**/.config/dotnet-tools.json").ShouldBe([".config/dotnet-tools.json", "src/.config/dotnet-tools.json"]);
        Relative(".nuget/**/*.csproj").ShouldBe([".nuget/packages/some.package/1.0.0/content/Sample.csproj"]);
        Relative("*").ShouldContain(".editorconfig");
    }

    public void Dispose() => _repository.Dispose();

    private string[] Relative(string pattern) =>
        [.. _repository.Path.GlobFiles(pattern).Select(p => Path.GetRelativePath(_repository.Path, p).Replace('\\', '/'))];
}
