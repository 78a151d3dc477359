using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Idp.Pipelines.Tests.GitLab.Support;

namespace Idp.Pipelines.Tests.GitLab;

/// <summary>The component's <c>spec:inputs</c> are typed, described and constrained, and match what the body uses.</summary>
public class ComponentInputs
{
    private static readonly string[] InputTypes = ["string", "number", "boolean", "array"];

    private static readonly ComponentFile Component = ComponentFile.Read(RepositoryLayout.Component);

    [Fact]
    public void Header_declares_the_golden_path_inputs()
    {
        Component.Inputs.Keys.Order().ShouldBe(["build-native", "dotnet-image", "environments", "service-dir", "sonar", "vault-address"]);
        Component.Header.Select(p => p.Key).ShouldBe(["spec"], "the header holds only spec:");
    }

    [Fact]
    public void Every_input_has_a_description_a_known_type_and_a_default_of_that_type()
    {
        foreach (var (name, input) in Component.Inputs)
        {
            var unknown = input.Select(p => p.Key).Except(["description", "type", "default", "regex", "options"]).ToList();
            unknown.ShouldBeEmpty($"input '{name}' has keys GitLab does not know");
            (input["description"]?.GetValue<string>() ?? "").Length.ShouldBeGreaterThan(10, $"input '{name}' needs a description");
            var type = input["type"]?.GetValue<string>();
            type.ShouldBeOneOf(InputTypes, $"input '{name}' needs an explicit type");
            input.ContainsKey("default").ShouldBeTrue($"input '{name}' needs a default so the 5-line consumer file works");
            KindOf(input["default"]).ShouldBe(type, $"the default of input '{name}'");
        }
    }

    [Fact]
    public void Every_string_input_is_constrained_and_its_default_passes_the_constraint()
    {
        foreach (var (name, input) in Component.Inputs.Where(i => i.Value["type"]?.GetValue<string>() == "string"))
        {
            var value = input["default"]!.GetValue<string>();
            if (input["options"] is JsonArray options)
                options.Select(o => o?.ToString()).ShouldContain(value, $"default of '{name}'");
            else
                Accepts(name, value).ShouldBeTrue($"default '{value}' of '{name}' against its regex");
        }
    }

    [Theory]
    [InlineData("service-dir", "services/orders", true)]
    [InlineData("service-dir", "../other-repo", false)]
    [InlineData("service-dir", "/etc", false)]
    [InlineData("environments", "dev,production", true)]
    [InlineData("environments", "dev,prod", false)]
    [InlineData("environments", "dev, staging", false)]
    [InlineData("dotnet-image", "registry.example.internal:5000/dotnet/sdk:10.0", true)]
    [InlineData("dotnet-image", "mcr.microsoft.com/dotnet/sdk; rm -rf /", false)]
    [InlineData("vault-address", "https://vault.example.internal:8200", true)]
    [InlineData("vault-address", "http://vault.example.internal", false)]
    public void Regex_accepts_good_values_and_rejects_bad_ones(string input, string value, bool accepted)
    {
        Accepts(input, value).ShouldBe(accepted);
    }

    [Fact]
    public void Every_declared_input_is_used_in_the_body_and_every_used_input_is_declared()
    {
        Component.InterpolatedInputs.Order().ShouldBe(Component.Inputs.Keys.Order());
    }

    private static bool Accepts(string input, string value)
    {
        var pattern = Component.Inputs[input]["regex"]?.GetValue<string>() ?? throw new InvalidOperationException($"input '{input}' has no regex");
        // GitLab evaluates input regexes with RE2 (no lookaround, no backreferences); .NET agrees on that subset.
        pattern.ShouldNotContain("(?=");
        pattern.ShouldNotContain("(?!");
        return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        var other => other?.ToString() ?? "null",
    };
}
