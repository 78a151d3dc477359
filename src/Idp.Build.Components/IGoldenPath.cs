using Idp.Build.Components.Descriptor;
using Idp.Build.Components.GitLab;
using Idp.Build.Components.Quality;

namespace Idp.Build.Components;

/// <summary>
/// The golden path: every capability a service gets by listing one interface —
/// <c>class Build : IdpBuild, IGoldenPath</c>. Restore, Compile, Test and SonarGate so far, with GitLab commit
/// statuses per target when a GitLab token is given.
/// </summary>
public interface IGoldenPath : IHazServiceDescriptor, ISonarGate, IGitLabReporting;
