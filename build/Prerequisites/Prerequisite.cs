namespace Idp.Build.Repository.Prerequisites;

/// <summary>Something the tests or the demo need on the machine, how to tell it is there, and how to install it.</summary>
/// <param name="Name">What it is, as a person says it.</param>
/// <param name="Why">Which tests or features need it.</param>
/// <param name="IsPresent">True when nothing needs installing.</param>
/// <param name="Kind">How it is installed.</param>
/// <param name="Packages">The package names for that installer.</param>
sealed record Prerequisite(string Name, string Why, Func<bool> IsPresent, InstallKind Kind, params string[] Packages);

enum InstallKind
{
    /// <summary>Debian packages; needs root.</summary>
    Apt,
    /// <summary>Global npm packages; needs root for the global prefix.</summary>
    Npm,
    /// <summary>Local dotnet tools from .config/dotnet-tools.json; needs nobody's permission.</summary>
    DotNetTool,
}
