namespace Idp.Build.Components.Descriptor;

/// <summary>An analyzer issue's severity, in increasing order; the names are SARIF's result levels.</summary>
public enum IssueSeverity
{
    /// <summary>Not an issue (as a <c>failOn</c> threshold: issues never fail the gate).</summary>
    None,

    /// <summary>Informational (SARIF <c>note</c>).</summary>
    Note,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>An error.</summary>
    Error,
}
