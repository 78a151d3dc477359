namespace Idp.Build.Components.Image;

/// <summary>Which of the engine's builders builds the image.</summary>
public enum DockerBuilder
{
    /// <summary>
    /// BuildKit (engine API <c>version=2</c>): labels go into the image config without a build step, a <c>COPY</c>
    /// runs without a container, and the config carries no <c>container_config</c> copy.
    /// </summary>
    BuildKit,

    /// <summary>The classic builder, for engines without BuildKit: every instruction after a change is a committed step.</summary>
    Classic,
}
