using System.Text;
using System.Text.Json;
using Idp.Build.Planning;

namespace Idp.Build.Parameters;

/// <summary>
/// <c>.nuke/build.schema.json</c>: a JSON Schema of <c>parameters*.json</c> so editors complete parameter names,
/// types and target names. Rewritten only when its content changes.
/// </summary>
internal static class SchemaWriter
{
    public static void WriteIfChanged(AbsolutePath file, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters)
    {
        var content = Render(targets, parameters);
        if (file.FileExists() && File.ReadAllText(file) == content)
            return;
        File.WriteAllText(file, content);
    }

    public static string Render(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Idp.Build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("definitions");
            json.WriteStartObject("ExecutableTarget");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var target in targets)
                json.WriteStringValue(target.Name);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters.GroupBy(p => p.Name).Select(g => g.First()))
            {
                json.WriteStartObject(parameter.Name);
                if (parameter.Description is not null)
                    json.WriteString("description", parameter.Description + (parameter.IsSecret ? " (secret: prefer the environment or a CI secret variable)" : ""));
                WriteType(json, parameter.Type);
                json.WriteEndObject();
            }
            foreach (var list in new[] { "Target", "Skip" })
            {
                json.WriteStartObject(list);
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteString("$ref", "#/definitions/ExecutableTarget");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteType(Utf8JsonWriter json, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, underlying.GetElementType()!);
            json.WriteEndObject();
            return;
        }
        if (underlying.IsEnum)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(underlying))
                json.WriteStringValue(name);
            json.WriteEndArray();
            return;
        }
        json.WriteString("type", underlying == typeof(bool) ? "boolean"
            : underlying == typeof(int) || underlying == typeof(long) ? "integer"
            : underlying == typeof(double) ? "number"
            : "string");
        if (underlying == typeof(Uri))
            json.WriteString("format", "uri");
    }
}
