using System.Text;
using System.Text.Json.Nodes;

namespace Idp.Dora.Tests.Support;

/// <summary>Seeded random request bodies: valid events, mutated events, broken JSON and raw bytes.</summary>
public static class RandomPayloads
{
    private static readonly string[] Strings = ["", " ", "production", "2024-03-05T12:00:00Z", "2024-03-05T12:00:00", "2024-02-30T00:00:00Z",
        "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "2024-03-05T25:00:00Z", "2024-03-05T12:00:00+99:99", "pkg:oci/x@sha256:1",
        "\u0000", "\ud800", "deadbeef", "dev.cdevents.service.deployed.0.3.0", "dev.cdevents.incident.resolved.0.2.0", "٢٠٢٤-03-05T12:00:00Z",
        new string('x', 5000), "null", "../../etc/passwd", "'; DROP TABLE events; --", "0.5.1", "0.4.1", "1.0.0"];

    public static byte[] Next(Random random, int index)
    {
        switch (random.Next(10))
        {
            case 0:
                var bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                var text = Mutated(random, index).ToJsonString();
                return Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]);
            case 2:
                return Encoding.UTF8.GetBytes(Value(random, 3)?.ToJsonString() ?? "null");
            case 3:
                return Encoding.UTF8.GetBytes(Valid(random, index).ToJsonString());
            default:
                return Encoding.UTF8.GetBytes(new JsonArray(Mutated(random, index), Mutated(random, index + 1_000_000)).ToJsonString());
        }
    }

    private static JsonObject Valid(Random random, int index)
    {
        var at = $"2024-03-0{random.Next(1, 9)}T{random.Next(24):00}:{random.Next(60):00}:00Z";
        return random.Next(3) switch
        {
            0 => Cd.Deployment(random.Next(2) == 0 ? "service.deployed" : "service.rolledback", $"r{index}", at,
                [Cd.Commit($"c{random.Next(50)}", at)], rollbackOf: $"r{random.Next(index + 1)}"),
            1 => Cd.Incident(random.Next(2) == 0 ? "incident.detected" : "incident.resolved", $"i{random.Next(20)}", at,
                rootCause: random.Next(2) == 0 ? $"c{random.Next(50)}" : null),
            _ => Cd.Run("pipelinerun.finished", $"run{index}", at, manual: random.Next(2) == 0, outcome: "failure"),
        };
    }

    private static JsonObject Mutated(Random random, int index)
    {
        var e = Valid(random, index);
        for (var i = random.Next(1, 4); i > 0; i--)
            Mutate(e, random);
        return e;
    }

    private static void Mutate(JsonNode node, Random random)
    {
        while (true)
        {
            if (node is not JsonObject obj || obj.Count == 0)
                return;
            var key = obj.ElementAt(random.Next(obj.Count)).Key;
            if (obj[key] is JsonObject child && random.Next(3) > 0)
            {
                node = child;
                continue;
            }
            switch (random.Next(3))
            {
                case 0:
                    obj.Remove(key);
                    break;
                default:
                    obj[key] = Value(random, 2);
                    break;
            }
            return;
        }
    }

    private static JsonNode? Value(Random random, int depth) => random.Next(depth > 0 ? 8 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * 1e12 - 5e11),
        3 => JsonValue.Create(Strings[random.Next(Strings.Length)]),
        4 => JsonValue.Create(random.Next()),
        5 => JsonValue.Create(Strings[random.Next(Strings.Length)] + random.Next()),
        6 => new JsonArray(Value(random, depth - 1), Value(random, depth - 1)),
        _ => new JsonObject { ["id"] = Value(random, depth - 1), ["timestamp"] = Value(random, depth - 1) },
    };
}
