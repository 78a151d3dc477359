using Idp.Build;

namespace Idp.Build.Components.Repository;

/// <summary>The build configuration: Debug on a developer's machine, Release on CI, unless <c>--configuration</c> says otherwise.</summary>
public interface IHazConfiguration : IBuild
{
    [Parameter("Debug or Release (default: Debug locally, Release on CI)", Name = "Configuration")]
    string? ConfigurationName => TryGetValue(() => ConfigurationName);

    string Configuration => ConfigurationName ?? (IsServerBuild ? "Release" : "Debug");
}
