using Idp.Build.Execution;
using Idp.Build.Parameters;

namespace Idp.Build.Tests.Parameters;

public class Names
{
    [Theory]
    [InlineData("SonarHostUrl", "sonar-host-url", "SONAR_HOST_URL")]
    [InlineData("ApiToken", "api-token", "API_TOKEN")]
    [InlineData("DORAEndpoint", "dora-endpoint", "DORA_ENDPOINT")]
    [InlineData("Retries", "retries", "RETRIES")]
    [InlineData("OpenShiftToken", "open-shift-token", "OPEN_SHIFT_TOKEN")]
    public void Member_names_become_kebab_and_upper_snake(string member, string kebab, string environment)
    {
        ParameterNames.Kebab(member).ShouldBe(kebab);
        ParameterNames.UpperSnake(member).ShouldBe(environment);
    }

    [Fact]
    public void The_command_line_splits_targets_from_options()
    {
        var line = CommandLine.Parse(["Compile+Test", "Pack", "--skip", "--configuration=Release", "--tags", "a", "b", "--offset", "-5"]);

        line.Targets.ShouldBe(["Compile", "Test", "Pack"]);
        line.Get("skip")!.Values.ShouldBeEmpty();
        line.Get("Configuration")!.Values.ShouldBe(["Release"]);
        line.Get("tags")!.Values.ShouldBe(["a", "b"]);
        line.Get("offset")!.Values.ShouldBe(["-5"]);
    }

    [Fact]
    public void A_repeated_skip_or_profile_adds_up_and_a_repeated_single_value_keeps_the_last()
    {
        var line = CommandLine.Parse(["Deploy", "--skip", "Publish", "--verbosity", "quiet", "--skip", "LocalPlatform+Push", "--profile", "ci", "--profile", "bank", "--verbosity", "verbose"]);

        var options = EngineOptions.From(line, "/work");

        options.Skip.ShouldBe(["Publish", "LocalPlatform", "Push"]);
        options.Profiles.ShouldBe(["ci", "bank"]);
        options.Verbosity.ShouldBe(Verbosity.Verbose);
    }
}
