using System.Globalization;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.Descriptor;

// Kubernetes resource quantities ("100m", "0.5", "128Mi", "1e3"), read to a number so requests can be compared
// with limits before the API server rejects the manifest.
internal static partial class KubernetesQuantity
{
    public static decimal? Parse(string text)
    {
        try
        {
            return ParseUnchecked(text);
        }
        catch (OverflowException)
        {
            // Beyond decimal's range (about 8e28): no real resource, so treat it as not a quantity.
            return null;
        }
    }

    private static decimal? ParseUnchecked(string text)
    {
        var match = QuantityPattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return null;
        var suffix = match.Groups["suffix"].Value;
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            var exponent = int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return exponent is < -18 or > 18 ? null : number * (decimal)Math.Pow(10, exponent);
        }
        return number * suffix switch
        {
            "" => 1m,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            _ => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
        };
    }

    public static string? CheckCpu(string text) =>
        Parse(text) is not null ? null :
        $"'{text}' is not a CPU quantity: use cores ('0.5', '2') or millicores ('100m', '1500m').";

    public static string? CheckMemory(string text)
    {
        if (Parse(text) is null)
            return $"'{text}' is not a memory quantity: use bytes with a binary suffix Ki, Mi, Gi, Ti (e.g. '128Mi', '1Gi') or a decimal one k, M, G, T.";
        // '128m' is a valid quantity but means 0.128 bytes: always a typo for '128Mi' in a memory field.
        if (text.EndsWith('m'))
            return $"'{text}' means {text[..^1]} thousandths of a byte ('m' is milli). For mebibytes write '{text[..^1]}Mi'.";
        return null;
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?<suffix>[eE][-+]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$")]
    private static partial Regex QuantityPattern();
}
