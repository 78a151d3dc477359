using System.Globalization;

namespace Idp.Build.Components.Descriptor;

// Typed values of a mapping: text, whole numbers, numbers, booleans, choices, durations, quantities and maps.
internal sealed partial class MappingReader
{
    public string? Text(string key, Func<string, string?>? check = null, string? requiredExample = null)
    {
        if (Entry(key) is not { } entry)
            return Missing<string>(key, requiredExample);
        if (entry.Value is not YamlTreeScalar { Kind: ScalarKind.String } scalar)
        {
            var quoted = entry.Value is YamlTreeScalar { Kind: not ScalarKind.Null } other ? $" If you mean the text, quote it: '\"{other.Value}\"'." : "";
            Report(entry.Value, key, $"Expected text, but found {entry.Value.Describe()}.{quoted}");
            return null;
        }
        return Checked(entry, key, scalar.Value, check);
    }

    public int? Integer(string key, int min, int max, string? requiredExample = null)
    {
        if (Entry(key) is not { } entry)
        {
            Missing<string>(key, requiredExample);
            return null;
        }
        var expected = $"a whole number from {min} to {max}";
        if (entry.Value is not YamlTreeScalar { Kind: ScalarKind.Integer } scalar
            || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(entry.Value, key, $"Expected {expected}, but found {entry.Value.Describe()}.");
            return null;
        }
        if (value < min || value > max)
        {
            Report(entry.Value, key, $"{value} is out of range: expected {expected}.");
            return null;
        }
        return value;
    }

    public double? Number(string key, double min, double max)
    {
        if (Entry(key) is not { } entry)
            return null;
        var expected = $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        if (entry.Value is not YamlTreeScalar { Kind: ScalarKind.Integer or ScalarKind.Float } scalar
            || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Report(entry.Value, key, $"Expected {expected}, but found {entry.Value.Describe()}.");
            return null;
        }
        if (!(value >= min && value <= max))
        {
            Report(entry.Value, key, $"{scalar.Value} is out of range: expected {expected}.");
            return null;
        }
        return value;
    }

    public bool? Boolean(string key)
    {
        if (Entry(key) is not { } entry)
            return null;
        if (entry.Value is YamlTreeScalar { Kind: ScalarKind.Boolean } scalar)
            return bool.Parse(scalar.Value);
        Report(entry.Value, key, $"Expected true or false, but found {entry.Value.Describe()}.");
        return null;
    }

    /// <summary>One of the enum's names, written in lower case.</summary>
    public T? Choice<T>(string key) where T : struct, Enum
    {
        if (Entry(key) is not { } entry)
            return null;
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var valid = string.Join(", ", names);
        if (entry.Value is not YamlTreeScalar { Kind: ScalarKind.String } scalar)
        {
            Report(entry.Value, key, $"Expected one of {valid}, but found {entry.Value.Describe()}.");
            return null;
        }
        if (!names.Contains(scalar.Value))
        {
            Report(entry.Value, key, $"'{scalar.Value}' is not valid here.{NameSuggestions.DidYouMean(scalar.Value, names)} Expected one of {valid}.");
            return null;
        }
        return Enum.Parse<T>(scalar.Value, ignoreCase: true);
    }

    public TimeSpan? Duration(string key)
    {
        if (Entry(key) is not { } entry)
            return null;
        if (entry.Value is YamlTreeScalar { Kind: ScalarKind.String } scalar && DurationText.Parse(scalar.Value) is { } duration)
            return duration;
        var found = entry.Value is YamlTreeScalar { Kind: ScalarKind.Integer } number ? $"the number {number.Value} (add a unit: '{number.Value}s')" : entry.Value.Describe();
        Report(entry.Value, key, $"Expected {DurationText.Expected}, greater than zero, but found {found}.");
        return null;
    }

    /// <summary>A Kubernetes quantity: text, or a plain number such as <c>0.5</c>.</summary>
    public string? Quantity(string key, Func<string, string?> check)
    {
        if (Entry(key) is not { } entry)
            return null;
        if (entry.Value is not YamlTreeScalar { Kind: ScalarKind.String or ScalarKind.Integer or ScalarKind.Float } scalar)
        {
            Report(entry.Value, key, $"Expected a quantity such as '500m' or '256Mi', but found {entry.Value.Describe()}.");
            return null;
        }
        return Checked(entry, key, scalar.Value, check);
    }

    /// <summary>A mapping of names to plain values (text, numbers and booleans are taken as written).</summary>
    public IReadOnlyDictionary<string, string> TextMap(string key, Func<string, string?> checkKey)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Entry(key) is not { } entry)
            return result;
        if (entry.Value is not YamlTreeMapping mapping)
        {
            Report(entry.Value, key, $"Expected a mapping of names to values (e.g. '{key}: {{ NAME: value }}'), but found {entry.Value.Describe()}.");
            return result;
        }
        var path = ChildPath(key);
        foreach (var item in mapping.Entries)
        {
            var itemPath = ChildPath(path, item.Key.Value);
            if (checkKey(item.Key.Value) is { } keyProblem)
                Problems.Add(item.Key, itemPath, keyProblem);
            else if (item.Value is YamlTreeScalar { Kind: not ScalarKind.Null } scalar)
                result[item.Key.Value] = scalar.Value;
            else
                Problems.Add(item.Value, itemPath, $"Expected a value (text, a number or true/false; write \"\" for empty text), but found {item.Value.Describe()}.");
        }
        return result;
    }

    private string? Checked(YamlTreeEntry entry, string key, string value, Func<string, string?>? check)
    {
        if (check?.Invoke(value) is not { } problem)
            return value;
        Report(entry.Value, key, problem);
        return null;
    }
}
