namespace Idp.Build.Components.Deploy.Plan;

/// <summary>
/// What a deploy will change in one namespace, object by object and field by field: the live objects compared
/// with what the server's dry run of the apply returns. Print it with <see cref="ToText"/>, publish it with
/// <see cref="ToMarkdown"/>.
/// </summary>
/// <param name="Namespace">The namespace deployed to.</param>
/// <param name="Objects">One entry per applied object, in apply order.</param>
public sealed partial record DeployPlan(string Namespace, IReadOnlyList<ObjectPlan> Objects)
{
    /// <summary>True when at least one object will be created or changed.</summary>
    public bool HasChanges => Objects.Any(o => o.Action != ObjectAction.NoChange);
}

/// <summary>What the deploy does to one object.</summary>
/// <param name="Kind">The object's kind, e.g. <c>Deployment</c>.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Action">Create, update or leave it.</param>
/// <param name="Changes">The changed fields (empty unless <see cref="ObjectAction.Update"/>).</param>
public sealed record ObjectPlan(string Kind, string Name, ObjectAction Action, IReadOnlyList<FieldChange> Changes);

/// <summary>What the deploy does to an object.</summary>
public enum ObjectAction
{
    /// <summary>The object does not exist yet and will be created.</summary>
    Create,

    /// <summary>Some fields will change.</summary>
    Update,

    /// <summary>The apply changes nothing that is not managed by the server.</summary>
    NoChange,
}

/// <summary>How a field changes.</summary>
public enum FieldChangeKind
{
    /// <summary>The field is new.</summary>
    Added,

    /// <summary>The field goes away.</summary>
    Removed,

    /// <summary>The field's value changes.</summary>
    Changed,
}

/// <summary>One changed field.</summary>
/// <param name="Path">The field's path, e.g. <c>spec.template.spec.containers[web].image</c>: list entries that have a <c>name</c> are addressed by it.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Before">The live value as text; null when added or redacted.</param>
/// <param name="After">The new value as text; null when removed or redacted.</param>
/// <param name="IsRedacted">True for a Secret's value: only that it changes is shown, never the value.</param>
public sealed record FieldChange(string Path, FieldChangeKind Kind, string? Before, string? After, bool IsRedacted)
{
    /// <summary>One line: <c>path: before → after</c>, or <c>path: changed</c> for a redacted value.</summary>
    public override string ToString() => IsRedacted
        ? $"{Path}: {Kind.ToString().ToLowerInvariant()} (value not shown)"
        : $"{Path}: {Before ?? "(none)"} → {After ?? "(none)"}";
}
