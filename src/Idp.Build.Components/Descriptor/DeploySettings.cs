namespace Idp.Build.Components.Descriptor;

/// <summary>The <c>deploy:</c> section.</summary>
/// <param name="Timeout">How long a rollout may take before it counts as failed and is rolled back.</param>
public sealed record DeploySettings(TimeSpan Timeout)
{
    /// <summary>Five minutes, as when <c>deploy:</c> is left out.</summary>
    public static DeploySettings Default { get; } = new(TimeSpan.FromMinutes(5));
}
