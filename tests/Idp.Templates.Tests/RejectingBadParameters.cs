using Idp.Templates.Tests.Support;

namespace Idp.Templates.Tests;

/// <summary><c>dotnet new idp-service</c> with a bad parameter: it fails, says what is allowed and creates no file.</summary>
[Collection(TemplateCollection.Name)]
public sealed class RejectingBadParameters(TemplateHive templates)
{
    [Theory]
    [InlineData("9-Bad_Name!")]
    [InlineData("Payments-Api")]
    [InlineData("Payments..Api")]
    [InlineData("AbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbA")] // a service name of 73 characters
    public void Bad_name_is_refused(string name) =>
        ShouldRefuse(["-n", name, "--team", "payments"], "the name (-n, --name) must be a .NET project name", "e.g. Payments.Api");

    [Theory]
    [InlineData("Payments")]
    [InlineData("pay_ments")]
    [InlineData("payments-")]
    [InlineData("9payments")]
    public void Bad_team_is_refused(string team) =>
        ShouldRefuse(["-n", "Payments.Api", "--team", team], "--team must be a DNS-1123 label", "e.g. payments");

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void Port_out_of_range_is_refused(string port) =>
        ShouldRefuse(["-n", "Payments.Api", "--team", "payments", "--port", port], "--port must be a whole number from 1 to 65535");

    [Fact]
    public void Non_numeric_port_is_refused_by_the_template_engine() =>
        ShouldRefuse(["-n", "Payments.Api", "--team", "payments", "--port", "http"], "Cannot parse argument 'http' for option '--port'");

    [Fact]
    public void Missing_team_is_refused_by_the_template_engine() =>
        ShouldRefuse(["-n", "Payments.Api"], "Missing mandatory option(s)", "'--team'");

    [Fact]
    public void Unknown_ci_is_refused_by_the_template_engine() =>
        ShouldRefuse(["-n", "Payments.Api", "--team", "payments", "--ci", "travis"], "'travis' is not a valid value for --ci", "jenkins");

    private void ShouldRefuse(string[] arguments, params string[] messageParts)
    {
        using var generated = templates.New(arguments);

        generated.Result.ExitCode.ShouldNotBe(0, generated.Result.ToString());
        foreach (var part in messageParts)
            generated.Result.Output.ShouldContain(part, Case.Sensitive, generated.Result.ToString());
        generated.Files.ShouldBeEmpty();
    }
}
