namespace Idp.Adopt.Tests.Support;

/// <summary>idp-adopt run as a process (dotnet Idp.Adopt.dll), as an engineer runs it: exit code and output are real.</summary>
public static class AdoptTool
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "Idp.Adopt.dll");

    public static CommandResult Run(Repository repository, params string[] arguments) =>
        Command.Run("dotnet", ["exec", Assembly, .. arguments], repository.Root, TimeSpan.FromMinutes(2));
}
