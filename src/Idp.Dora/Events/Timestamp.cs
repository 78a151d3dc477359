using System.Globalization;
using System.Text.RegularExpressions;

namespace Idp.Dora.Events;

/// <summary>
/// Parses the timestamps events carry (rule R6): RFC 3339 with an offset (<c>Z</c>, <c>+02:00</c>) and GitLab's
/// <c>2024-03-05 11:00:00 +0200</c>. A timestamp without an offset is rejected, never guessed as UTC.
/// </summary>
public static partial class Timestamp
{
    /// <summary>Parses <paramref name="text"/>; on failure, <paramref name="error"/> says why for the sender.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value, out string error)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "is empty; expected an RFC 3339 timestamp with an offset, e.g. 2024-03-05T10:00:00Z";
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            error = NaivePattern().IsMatch(text)
                ? $"'{Shorten(text)}' has no UTC offset; add 'Z' or '+hh:mm' (naive local times are ambiguous and are rejected)"
                : $"'{Shorten(text)}' is not an RFC 3339 timestamp; expected e.g. 2024-03-05T10:00:00Z or 2024-03-05T12:00:00+02:00";
            return false;
        }

        try
        {
            var offset = ParseOffset(match.Groups["offset"].Value);
            var fraction = match.Groups["fraction"].Value;
            var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
            value = new DateTimeOffset(
                Int(match, "year"), Int(match, "month"), Int(match, "day"),
                Int(match, "hour"), Int(match, "minute"), Int(match, "second"), offset).AddTicks(ticks);
            error = "";
            return true;
        }
        catch (ArgumentException)
        {
            error = $"'{Shorten(text)}' is not a valid date and time (a field or the offset is out of range)";
            return false;
        }
    }

    /// <summary>The canonical form the API returns: UTC, second precision unless there are fractions.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static TimeSpan ParseOffset(string offset)
    {
        if (offset is "Z" or "z")
            return TimeSpan.Zero;
        var digits = offset.Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (minutes > 59)
            throw new ArgumentOutOfRangeException(nameof(offset));
        var span = new TimeSpan(hours, minutes, 0);
        return digits[0] == '-' ? -span : span;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\.(?<fraction>[0-9]{1,9}))? ?(?<offset>[Zz]|[+-][0-9]{2}:?[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NaivePattern();
}
