using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Parameters;

public class Precedence
{
    private static string Show(TempDirectory root, string[] args, Dictionary<string, string>? environment = null)
    {
        var result = InProcess.Run<ParameterBuild>(root, ["Show", .. args], environment);
        result.ExitCode.ShouldBe(0, result.All);
        return result.Output;
    }

    [Fact]
    public void Defaults_apply_when_nothing_sets_a_parameter()
    {
        using var root = new TempDirectory();

        Show(root, []).ShouldContain("Greeting=default Count=0 Force=False Stage=Dev Tags= Output= Timeout=00:01:00 Registry= Retries=");
    }

    [Fact]
    public void Command_line_beats_environment_beats_profile_beats_parameters_json()
    {
        using var root = new TempDirectory();
        root.Write(".nuke/parameters.json", """{ "Greeting": "from-json", "Count": 1, "Stage": "Prod" , "Tags": ["a", "b"] }""");
        root.Write(".nuke/parameters.ci.json", """{ "Greeting": "from-profile", "Count": 2 }""");
        var environment = new Dictionary<string, string> { ["GREETING"] = "from-env", ["IDP_COUNT"] = "3", ["COUNT"] = "4" };

        Show(root, ["--profile", "ci"]).ShouldContain("Greeting=from-profile Count=2 Force=False Stage=Prod Tags=a,b");
        Show(root, ["--profile", "ci"], environment).ShouldContain("Greeting=from-env Count=3");
        Show(root, ["--profile", "ci", "--greeting", "from-cli"], environment).ShouldContain("Greeting=from-cli Count=3");
    }

    [Fact]
    public void Names_match_without_case_or_dashes_and_the_last_occurrence_wins()
    {
        using var root = new TempDirectory();

        Show(root, ["--GREETING", "one", "--greeting", "two"]).ShouldContain("Greeting=two");
        Show(root, ["--api-token", "t0k3n-value"]).ShouldContain("ApiToken=***");
    }

    [Fact]
    public void A_repeated_list_option_adds_up_its_values()
    {
        using var root = new TempDirectory();

        Show(root, ["--tags", "a", "--greeting", "one", "--tags", "b,c", "--greeting", "two"]).ShouldContain("Greeting=two Count=0 Force=False Stage=Dev Tags=a,b,c");
    }

    [Fact]
    public void Every_supported_type_converts()
    {
        using var root = new TempDirectory();

        var output = Show(root, ["--count", "7", "--force", "--stage", "prod", "--tags", "x", "y,z", "--output", "out/dir",
            "--timeout", "1m30s", "--registry", "https://nexus.example:8443/", "--retries", "5"]);

        output.ShouldContain($"Count=7 Force=True Stage=Prod Tags=x,y,z Output={root.Path / "out" / "dir"} Timeout=00:01:30 Registry=https://nexus.example:8443/ Retries=5");
    }

    [Fact]
    public void Component_parameters_come_from_the_environment_too()
    {
        using var root = new TempDirectory();

        Show(root, [], new Dictionary<string, string> { ["REGISTRY"] = "http://127.0.0.1:5000", ["IDP_RETRIES"] = "9" })
            .ShouldContain("Registry=http://127.0.0.1:5000/ Retries=9");
    }

    [Fact]
    public void The_schema_lists_parameters_and_targets()
    {
        using var root = new TempDirectory();

        Show(root, []);

        var schema = File.ReadAllText(root.Path / ".nuke" / "build.schema.json");
        schema.ShouldContain("\"Greeting\"");
        schema.ShouldContain("\"Prod\"");
        schema.ShouldContain("\"Show\"");
        schema.ShouldContain("\"format\": \"uri\"");
    }
}
