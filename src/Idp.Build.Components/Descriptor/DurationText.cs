using System.Globalization;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.Descriptor;

// Durations as people write them in YAML: "90s", "5m", "1h30m".
internal static partial class DurationText
{
    public const string Expected = "a duration of hours, minutes and seconds in that order, e.g. '90s', '5m' or '1h30m'";

    public static TimeSpan? Parse(string text)
    {
        var match = DurationPattern().Match(text);
        if (text.Length == 0 || !match.Success)
            return null;
        var duration = TimeSpan.FromHours(Part(match, "h")) + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
        return duration > TimeSpan.Zero ? duration : null;
    }

    private static int Part(Match match, string unit) =>
        match.Groups[unit].Success ? int.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("^(?:(?<h>[0-9]{1,4})h)?(?:(?<m>[0-9]{1,5})m)?(?:(?<s>[0-9]{1,6})s)?$")]
    private static partial Regex DurationPattern();
}
