namespace Idp.Build;

/// <summary>
/// Thrown by a target to fail with a message that says it all (no stack trace is printed), e.g. a quality gate
/// that lists its failed conditions.
/// </summary>
public sealed class TargetFailedException(string message) : Exception(message);
