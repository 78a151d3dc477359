using Idp.Adopt.Tests.Support;

namespace Idp.Adopt.Tests;

/// <summary>Two solutions at the root: the adoption asks which one, and the build is told the answer.</summary>
public sealed class AdoptingARepositoryWithTwoSolutions : IDisposable
{
    private readonly Repository _repository = Scenarios.TwoSolutions();

    [Fact]
    public void Without_solution_it_names_both_and_writes_nothing()
    {
        var before = _repository.Snapshot();

        var result = AdoptTool.Run(_repository, "--team", "inventory");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("has 2 solutions: Inventory.slnx, Tools.sln. Choose the one the golden path builds with --solution <file>");
        result.Output.ShouldContain("Nothing was written.");
        _repository.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void With_solution_the_build_parameters_name_it()
    {
        var result = AdoptTool.Run(_repository, "--team", "inventory", "--solution", "Inventory.slnx");

        result.ShouldSucceed();
        result.ShouldDetect("solution", "Inventory.slnx", "also at the root: Tools.sln");
        result.ShouldDetect("web project", "src/Inventory.Api/Inventory.Api.csproj");
        _repository.Read(".nuke/parameters.json").ShouldContain("\"Solution\": \"Inventory.slnx\"");
    }

    public void Dispose() => _repository.Dispose();
}
