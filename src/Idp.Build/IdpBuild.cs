using System.Linq.Expressions;
using Idp.Build.Execution;
using Idp.Build.Server;

namespace Idp.Build;

/// <summary>
/// The base class of a build. A service's build is <c>class Build : IdpBuild, IGoldenPath</c> with
/// <c>public static int Main() => Execute&lt;Build&gt;(x => x.Deploy);</c>.
/// </summary>
public abstract partial class IdpBuild : IBuild
{
    private BuildContext? _context;

    internal BuildContext Context => _context ?? throw new InvalidOperationException(
        "The build is not running yet. Engine members (RootDirectory, Host, parameters) are available once Execute<T> " +
        "has started: read them inside target definitions, not in constructors or field initializers.");

    internal void Attach(BuildContext context) => _context = context;

    /// <summary>
    /// Runs the build with the process's command line and environment and returns the exit code; or, when build.sh
    /// started this process as the repository's build server, serves one run after another (docs/engine/build-server.md).
    /// </summary>
    /// <param name="defaultTargets">The targets to run when none is named on the command line.</param>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets) where T : IdpBuild, new() =>
        ServerSettings.FromProcess() is { } server
            ? BuildServer.Serve(server, environment => BuildRunner.Run(new T(), environment, defaultTargets), Console.Out)
            : BuildRunner.Run(new T(), RunEnvironment.FromProcess(), defaultTargets);
}
