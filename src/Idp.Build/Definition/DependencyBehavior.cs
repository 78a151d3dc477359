namespace Idp.Build;

/// <summary>What happens to a target's dependencies when the target itself is skipped before the run starts.</summary>
public enum DependencyBehavior
{
    /// <summary>Skip the dependencies that no other scheduled target needs (the default).</summary>
    Skip,

    /// <summary>Run the dependencies anyway.</summary>
    Execute,
}
