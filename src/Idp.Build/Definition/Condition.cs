namespace Idp.Build.Definition;

/// <summary>A condition or assertion with the source text it was written as (shown as the skip or error reason).</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text);
