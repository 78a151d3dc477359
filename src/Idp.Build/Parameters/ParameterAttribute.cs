namespace Idp.Build;

/// <summary>
/// Marks a field or property as a build parameter, settable as <c>--kebab-name</c> on the command line,
/// <c>UPPER_SNAKE</c> or <c>IDP_UPPER_SNAKE</c> in the environment, or a key in <c>.nuke/parameters*.json</c>.
/// In a component interface, put it on a getter-only property that reads its value with
/// <c>TryGetValue(() => Member)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>Shown in <c>--help</c> and in the schema.</summary>
    public string? Description { get; } = description;

    /// <summary>The parameter's name when it should differ from the member's name.</summary>
    public string? Name { get; set; }
}

/// <summary>The parameter holds a secret: its value is masked in all output and redacted in the run record.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>The build cannot run any target without this parameter.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
