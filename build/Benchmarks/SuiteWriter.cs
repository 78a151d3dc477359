using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>Writes a suite as <c>&lt;directory&gt;/&lt;suite&gt;.json</c>, one file per suite so suites can be added independently.</summary>
static class SuiteWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static AbsolutePath Write(AbsolutePath directory, BenchmarkSuite suite)
    {
        var file = directory.CreateDirectory() / $"{suite.Suite}.json";
        File.WriteAllText(file, JsonSerializer.Serialize(suite, Options) + "\n");
        return file;
    }
}
