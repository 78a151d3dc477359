using Idp.Adopt.Tests.Support;

namespace Idp.Adopt.Tests;

/// <summary>Input the adoption cannot work with: a clear message, a non-zero exit, and nothing written.</summary>
public sealed class RefusingBadInput : IDisposable
{
    private readonly Repository _repository = new();

    [Fact]
    public void A_repository_without_dotnet_projects_is_not_adopted()
    {
        _repository.Write("package.json", "{ \"name\": \"web\" }\n");

        ShouldRefuse(["--team", "payments"], 1, "is not a .NET repository: it has no .sln, .slnx or .csproj");
    }

    [Fact]
    public void A_solution_without_a_web_project_is_not_adopted()
    {
        _repository.Dotnet("new", "classlib", "-o", "src/Payments.Core", "--no-restore");

        ShouldRefuse(["--team", "payments"], 1, "has no web project to ship: none of its 1 projects (src/Payments.Core/Payments.Core.csproj) uses the SDK Microsoft.NET.Sdk.Web");
    }

    [Fact]
    public void An_unreadable_solution_is_named_with_what_to_do()
    {
        _repository.Dotnet("new", "webapi", "-o", "src/Payments.Api", "--no-restore");
        _repository.Write("Payments.sln", "this is not a solution\n");

        ShouldRefuse(["--team", "payments"], 1, "The solution Payments.sln could not be read: it does not start with 'Microsoft Visual Studio Solution File'");
    }

    [Fact]
    public void A_broken_slnx_is_named_with_what_to_do()
    {
        _repository.Dotnet("new", "webapi", "-o", "src/Payments.Api", "--no-restore");
        _repository.Write("Payments.slnx", "<Solution><Project Path=\"src/Payments.Api/Payments.Api.csproj\">\n");

        ShouldRefuse(["--team", "payments"], 1, "The solution Payments.slnx could not be read:");
    }

    [Fact]
    public void A_web_project_at_the_root_is_not_adopted()
    {
        _repository.Dotnet("new", "webapi", "-o", ".", "-n", "Payments.Api", "--no-restore");

        ShouldRefuse(["--team", "payments"], 1, "is at the repository root, so it would compile the build project's build/Build.cs");
    }

    [Fact]
    public void No_team_and_no_git_remote_asks_for_team()
    {
        _repository.Dotnet("new", "webapi", "-o", "src/Payments.Api", "--no-restore");

        ShouldRefuse([], 1, "Pass the owning team with --team <name>");
    }

    [Fact]
    public void The_team_is_read_from_the_git_remote()
    {
        _repository.Dotnet("new", "webapi", "-o", "src/Payments.Api", "--no-restore");
        _repository.Git("remote", "add", "origin", "git@git.example.internal:payments/payments-api.git");

        var result = AdoptTool.Run(_repository, "--dry-run");

        result.ShouldSucceed();
        result.ShouldDetect("team", "payments", "Git remote origin");
    }

    [Fact]
    public void A_file_that_cannot_be_written_leaves_the_repository_as_it_was()
    {
        _repository.Dotnet("new", "webapi", "-o", "src/Payments.Api", "--no-restore");
        // build.ps1 is written after most files: a folder in its place fails the write half-way through the plan.
        Directory.CreateDirectory(Path.Combine(_repository.Root, "build.ps1"));

        ShouldRefuse(["--team", "payments"], 1, "build.ps1 could not be written");
        Directory.EnumerateFiles(_repository.Root, "*.idp-adopt-*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_option_exits_2()
    {
        ShouldRefuse(["--dryrun"], 2, "Unknown option '--dryrun'");
    }

    [Fact]
    public void Help_explains_the_options_and_writes_nothing()
    {
        var result = AdoptTool.Run(_repository, "--help");

        result.ShouldSucceed();
        foreach (var option in new[] { "--dry-run", "--force", "--team", "--solution", "--project", "--ci", "--sdk-version", "--feed" })
            result.Output.ShouldContain(option);
        Directory.EnumerateFileSystemEntries(_repository.Root).Select(Path.GetFileName).ShouldBe([".git"]);
    }

    private void ShouldRefuse(string[] arguments, int exitCode, string message)
    {
        var before = _repository.Snapshot();
        var result = AdoptTool.Run(_repository, arguments);
        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.Output.ShouldContain(message);
        foreach (var file in new[] { "build.sh", "idp.yaml", "build/Build.cs", "Dockerfile" })
            _repository.Exists(file).ShouldBeFalse(file);
        _repository.Snapshot().ShouldBe(before);
    }

    public void Dispose() => _repository.Dispose();
}
