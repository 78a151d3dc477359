namespace Idp.Build.Definition;

/// <summary>A condition or assertion with the source text it was written as (shown as the skip or error reason).</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text)
{
    /// <summary>"() => IsServerBuild" → "IsServerBuild": the reason reads as the condition itself.</summary>
    public static string Describe(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return "condition";
        var text = expression.Trim();
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        if (text.StartsWith('(') && arrow > 0 && text[..arrow].Trim() is "()" or "( )")
            text = text[(arrow + 2)..].Trim();
        return string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
    }
}
