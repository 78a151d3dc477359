using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Parameters;

public class BadInput
{
    private static InProcess.Result Run(TempDirectory root, params string[] args) => InProcess.Run<ParameterBuild>(root, args);

    [Fact]
    public void An_unknown_target_suggests_the_closest_name()
    {
        using var root = new TempDirectory();

        var result = Run(root, "Shw");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Unknown target 'Shw'. Did you mean 'Show'?");
        result.Error.ShouldContain("Targets of this build: Show, Deploy");
    }

    [Fact]
    public void An_unknown_parameter_suggests_the_closest_name()
    {
        using var root = new TempDirectory();

        var result = Run(root, "Show", "--greting", "x");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Unknown parameter '--greting'. Did you mean '--greeting'?");
    }

    [Fact]
    public void A_wrong_type_names_the_parameter_the_source_and_what_is_expected()
    {
        using var root = new TempDirectory();

        var result = Run(root, "Show", "--count", "many");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Parameter '--count' expects a whole number, but the command line (--count) gives 'many'.");
    }

    [Fact]
    public void A_wrong_enum_lists_the_valid_values()
    {
        using var root = new TempDirectory();

        Run(root, "Show", "--stage", "qa").Error.ShouldContain("expects one of Dev, Prod");
    }

    [Fact]
    public void A_wrong_component_value_in_the_environment_is_found_before_any_target_runs()
    {
        using var root = new TempDirectory();

        var result = InProcess.Run<ParameterBuild>(root, ["Show"], new Dictionary<string, string> { ["RETRIES"] = "x" });

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("'--retries' expects a whole number, but the environment variable RETRIES gives 'x'");
        result.Output.ShouldNotContain("Greeting=");
    }

    [Fact]
    public void An_unknown_key_in_parameters_json_is_an_error()
    {
        using var root = new TempDirectory();
        root.Write(".nuke/parameters.json", """{ "Greting": "x" }""");

        var result = Run(root, "Show");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("sets 'Greting', which is not a parameter of this build. Did you mean 'Greeting'?");
    }

    [Fact]
    public void Invalid_json_names_the_file_and_line()
    {
        using var root = new TempDirectory();
        root.Write(".nuke/parameters.json", "{\n  \"Greeting\": \n}");

        var result = Run(root, "Show");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("parameters.json is not valid JSON (line 3");
    }

    [Fact]
    public void A_missing_profile_lists_the_known_ones()
    {
        using var root = new TempDirectory();
        root.Write(".nuke/parameters.ci.json", "{}");

        Run(root, "Show", "--profile", "prod").Error.ShouldContain("Known profiles: ci");
    }

    [Fact]
    public void Unmet_requirements_are_all_reported_before_anything_runs()
    {
        using var root = new TempDirectory();

        var result = Run(root, "Show", "Deploy");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Deploy needs parameter --api-token (environment API_TOKEN, or \"ApiToken\" in .nuke/parameters.json)");
        result.Error.ShouldContain("Deploy requires Count > 2, which is false");
        result.Output.ShouldNotContain("Greeting=");
    }

    [Fact]
    public void A_required_parameter_is_checked_before_any_target()
    {
        using var root = new TempDirectory();

        InProcess.Run<RequiredBuild>(root, ["Go"]).Error.ShouldContain("the build needs parameter --environment");
        InProcess.Run<RequiredBuild>(root, ["Go", "--environment", "prod"]).Output.ShouldContain("env=prod");
    }

    [Fact]
    public void Bad_engine_options_are_explained()
    {
        using var root = new TempDirectory();

        Run(root, "Show", "--parallel", "lots").Error.ShouldContain("--parallel takes the number of targets");
        Run(root, "Show", "--verbosity", "loud").Error.ShouldContain("--verbosity takes one of Quiet, Normal, Verbose");
        Run(root, "Show", "--host", "TeamCity").Error.ShouldContain("Unknown host 'TeamCity'");
    }
}
