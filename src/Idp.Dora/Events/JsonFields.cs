using System.Text.Json;

namespace Idp.Dora.Events;

/// <summary>Reads typed fields from a JSON object, recording every problem with its JSON path instead of stopping.</summary>
internal sealed class JsonFields(List<ValidationError> errors)
{
    private const int MaxStringLength = 2048;

    public int Count => errors.Count;

    public void Error(string path, string message) => errors.Add(new ValidationError(path, message));

    public JsonElement? Object(JsonElement parent, string name, string parentPath, bool required)
    {
        var path = $"{parentPath}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                Error(path, "is required (an object)");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"must be an object, found {Describe(value)}");
            return null;
        }
        return value;
    }

    public string? String(JsonElement parent, string name, string parentPath, bool required, int maxLength = 256)
    {
        var path = $"{parentPath}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                Error(path, "is required (a string)");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, $"must be a string, found {Describe(value)}");
            return null;
        }
        var text = value.GetString()!;
        if (required && text.Length == 0)
        {
            Error(path, "must not be empty");
            return null;
        }
        if (text.Length > Math.Min(maxLength, MaxStringLength))
        {
            Error(path, $"is {text.Length} characters long; at most {Math.Min(maxLength, MaxStringLength)} are allowed");
            return null;
        }
        if (!IsClean(text))
        {
            Error(path, "contains control characters or broken UTF-16 surrogates; send plain text");
            return null;
        }
        return text;
    }

    public bool? Boolean(JsonElement parent, string name, string parentPath)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        Error($"{parentPath}.{name}", $"must be true or false, found {Describe(value)}");
        return null;
    }

    public DateTimeOffset? Time(JsonElement parent, string name, string parentPath, bool required)
    {
        var text = String(parent, name, parentPath, required, maxLength: 64);
        if (text is null)
            return null;
        if (Timestamp.TryParse(text, out var value, out var problem))
            return value;
        Error($"{parentPath}.{name}", problem);
        return null;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
                return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
