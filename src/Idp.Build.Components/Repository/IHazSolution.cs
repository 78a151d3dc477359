using Idp.Build;

namespace Idp.Build.Components.Repository;

/// <summary>The solution the golden path builds: <c>--solution</c>, else the one <c>.sln</c>/<c>.slnx</c> in the root.</summary>
public interface IHazSolution : IBuild
{
    [Parameter("The solution file (default: the single .sln or .slnx in the root)", Name = "Solution")]
    AbsolutePath? SolutionFile => TryGetValue(() => SolutionFile);

    /// <summary>The solution, found once the build runs.</summary>
    AbsolutePath Solution => SolutionFile ?? FindSolution(RootDirectory);

    private static AbsolutePath FindSolution(AbsolutePath root)
    {
        var candidates = root.GlobFiles("*.sln").Concat(root.GlobFiles("*.slnx")).ToArray();
        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new BuildException($"No .sln or .slnx file in {root}. Create one (dotnet new sln) or pass --solution <path>."),
            _ => throw new BuildException(
                $"Several solutions in {root}: {string.Join(", ", candidates.Select(c => c.Name))}. " +
                "Choose one with --solution <path> (or \"Solution\" in .nuke/parameters.json)."),
        };
    }
}
