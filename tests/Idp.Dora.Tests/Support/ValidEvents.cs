using System.Text.Json;
using System.Text.Json.Nodes;
using Idp.Dora.Events;

namespace Idp.Dora.Tests.Support;

/// <summary>Events built by a test, read as the endpoint reads a posted array; a test history must have no invalid one.</summary>
public static class ValidEvents
{
    /// <summary>Reads <paramref name="history"/> with <paramref name="production"/> as the production environments.</summary>
    public static List<DoraEvent> Read(IEnumerable<JsonObject> history, IReadOnlySet<string> production)
    {
        var (events, errors) = new EventReader(production).Read(JsonDocument.Parse(new JsonArray([.. history]).ToJsonString()).RootElement);
        errors.ShouldBeEmpty();
        return [.. events];
    }
}
