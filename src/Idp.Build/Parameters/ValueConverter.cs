using System.Globalization;
using System.Text.RegularExpressions;

namespace Idp.Build.Parameters;

/// <summary>
/// Converts raw parameter values to the member's type: string, bool, int, long, double, enum, arrays,
/// <see cref="AbsolutePath"/>, <see cref="Uri"/> and <see cref="TimeSpan"/> (and their nullable forms).
/// A failure says what was expected, so the message can name the parameter and where the value came from.
/// </summary>
internal static partial class ValueConverter
{
    public static object? Convert(Type type, IReadOnlyList<string> values, string baseDirectory)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            var element = underlying.GetElementType()!;
            var items = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var array = Array.CreateInstance(element, items.Length);
            for (var i = 0; i < items.Length; i++)
                array.SetValue(ConvertOne(element, items[i], baseDirectory), i);
            return array;
        }
        if (values.Count == 0)
            return underlying == typeof(bool) ? true : throw new FormatException("a value");
        if (values.Count > 1)
            throw new FormatException($"one value, but got {values.Count} ({string.Join(" ", values)})");
        return ConvertOne(underlying, values[0], baseDirectory);
    }

    public static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
            return Describe(underlying.GetElementType()!) + "[]";
        if (underlying.IsEnum)
            return string.Join("|", Enum.GetNames(underlying));
        return underlying switch
        {
            _ when underlying == typeof(string) => "string",
            _ when underlying == typeof(bool) => "bool",
            _ when underlying == typeof(int) || underlying == typeof(long) => "int",
            _ when underlying == typeof(double) => "number",
            _ when underlying == typeof(AbsolutePath) => "path",
            _ when underlying == typeof(Uri) => "url",
            _ when underlying == typeof(TimeSpan) => "duration",
            _ => underlying.Name,
        };
    }

    private static object ConvertOne(Type type, string raw, string baseDirectory)
    {
        if (type == typeof(string))
            return raw;
        if (type == typeof(bool))
        {
            return raw.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw new FormatException("true or false"),
            };
        }
        if (type == typeof(int))
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw new FormatException("a whole number");
        if (type == typeof(long))
            return long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw new FormatException("a whole number");
        if (type == typeof(double))
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException("a number");
        if (type.IsEnum)
        {
            return Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, raw, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(type, name)
                : throw new FormatException($"one of {string.Join(", ", Enum.GetNames(type))}");
        }
        if (type == typeof(AbsolutePath))
            return AbsolutePath.Create(raw, baseDirectory);
        if (type == typeof(Uri))
            return Uri.TryCreate(raw, UriKind.Absolute, out var uri) ? uri : throw new FormatException("an absolute URL such as https://host:port/");
        if (type == typeof(TimeSpan))
            return ParseDuration(raw) ?? throw new FormatException("a duration such as 90s, 5m, 1h30m or 00:05:00");
        throw new FormatException($"a type the engine can read (it cannot read {type.Name})");
    }

    private static TimeSpan? ParseDuration(string raw)
    {
        var match = DurationPattern().Match(raw.Trim());
        if (match.Success && match.Length > 0)
        {
            double Part(string unit) => match.Groups[unit].Success ? double.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s")) + TimeSpan.FromMilliseconds(Part("ms"));
        }
        return TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$")]
    private static partial Regex DurationPattern();
}
