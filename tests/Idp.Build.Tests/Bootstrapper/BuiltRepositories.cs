using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// One throwaway repository per bootstrapper, built cold by its first run and then shared by the tests of the
/// <see cref="BootstrapperCollection"/>: a cold build costs tens of seconds, so each script pays it once. A test
/// that changes the repository leaves it buildable; the next run may rebuild, and tests that care run once first.
/// </summary>
public sealed class BuiltRepositories : IDisposable
{
    private readonly Dictionary<string, Lazy<(ThrowawayRepository Repository, BuildProcess.Result ColdRun)>> _built = new()
    {
        [ThrowawayRepository.BashScript] = new(() => BuildCold(ThrowawayRepository.BashScript)),
        [ThrowawayRepository.PowerShellScript] = new(() => BuildCold(ThrowawayRepository.PowerShellScript)),
    };

    /// <summary>The arguments of the first, cold run.</summary>
    public static readonly string[] ColdRunArguments = ["Echo", "--words", "cold"];

    internal ThrowawayRepository For(string script) => _built[script].Value.Repository;

    /// <summary>What the first run of <paramref name="script"/> printed: the cold build, then <c>Echo</c>.</summary>
    internal BuildProcess.Result ColdRun(string script) => _built[script].Value.ColdRun;

    private static (ThrowawayRepository, BuildProcess.Result) BuildCold(string script)
    {
        var repository = new ThrowawayRepository(script);
        if (script == ThrowawayRepository.PowerShellScript)
            repository.RestoreTools();
        return (repository, repository.Run(ColdRunArguments));
    }

    public void Dispose()
    {
        foreach (var built in _built.Values.Where(b => b.IsValueCreated))
            built.Value.Repository.Dispose();
    }
}

/// <summary>The bootstrapper tests run one after another: they share <see cref="BuiltRepositories"/> and change them.</summary>
[CollectionDefinition(Name)]
public sealed class BootstrapperCollection : ICollectionFixture<BuiltRepositories>
{
    public const string Name = "Bootstrapper";
}
