using Idp.Build;

namespace Idp.Build.Components.Repository;

/// <summary>Where the golden path writes what it produces: <c>artifacts/</c> under the root.</summary>
public interface IHazArtifacts : IBuild
{
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
}
