using System.Text.Json;

namespace Idp.Build.Secrets;

/// <summary>
/// The one place that knows the build's secret values. Everything the build prints passes
/// <see cref="MaskingWriter"/>, which asks this masker to replace each registered value with <c>***</c>.
/// Thread-safe: components register values from any target, also while others are running.
/// </summary>
internal sealed class SecretMasker
{
    public const string Mask = "***";
    private readonly Lock _gate = new();
    private string[] _values = [];

    /// <summary>Registers a value and its URL- and JSON-escaped forms, which is how a secret usually leaks in disguise.</summary>
    public void Register(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        var forms = new[] { value, value.Trim(), Uri.EscapeDataString(value), JsonEncodedText.Encode(value).ToString() }
            .Concat(value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(f => f.Length > 0);
        lock (_gate)
        {
            // Longest first, so a secret that contains another is masked whole.
            _values = _values.Union(forms, StringComparer.Ordinal).OrderByDescending(v => v.Length).ToArray();
        }
    }

    public bool HasSecrets => _values.Length > 0;

    public string Apply(string text)
    {
        var values = _values;
        foreach (var value in values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
                text = text.Replace(value, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>
    /// How many characters at the end of <paramref name="text"/> could be the start of a secret that the next
    /// write completes. A writer holds those back so a secret split over two writes is still masked.
    /// </summary>
    public int PossiblePrefixLength(string text)
    {
        var longest = 0;
        foreach (var value in _values)
        {
            for (var length = Math.Min(value.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(value.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }
        return longest;
    }
}
