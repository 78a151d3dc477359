using System.Text.RegularExpressions;
using Idp.Docs.Tests.Coverage;
using Idp.Docs.Tests.Markdown;
using Idp.Dora.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// The Idp.Dora part of platform-operations.md: its curl examples, in the page's order, against the real endpoint on
/// a free port (the page's <c>http://127.0.0.1:5080</c> replaced by it) started with <c>--token</c>, and its table of options.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class DoraExamples
{
    private const string Page = "docs/platform-operations.md";
    private const string DocumentedAddress = "http://127.0.0.1:5080";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    [RunsCommand("""curl -s -X POST http://127.0.0.1:5080/api/events -H "Authorization: Bearer $DORA_TOKEN" -H 'Content-Type: application/json' --data '{ "context": { "specversion": "0.5.1", "id": "d-1", "source": "/ci/payments-api", "type": "dev.cdevents.service.deployed.0.3.0", "timestamp": "2026-03-05T12:00:00Z" }, "subject": { "id": "payments-api", "source": "/ci/payments-api", "content": { "environment": { "id": "production" }, "artifactId": "pkg:oci/payments-api@sha256:0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8" } }, "customData": { "service": "payments-api", "team": "payments", "commits": [ { "sha": "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "timestamp": "2026-03-05T10:00:00Z" } ] } }'""", Page = Page)]
    [RunsCommand("curl -s -X PUT http://127.0.0.1:5080/api/teams/payments", Page = Page)]
    [RunsCommand("curl -s 'http://127.0.0.1:5080/api/metrics/dora?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&service=payments-api'", Page = Page)]
    [RunsCommand("""curl -s -X PUT http://127.0.0.1:5080/api/teams/payments -H "Authorization: Bearer $DORA_TOKEN" -o /dev/null -w '%{http_code}\n'""", Page = Page)]
    [RunsCommand("""curl -s -X POST http://127.0.0.1:5080/api/surveys/nps -H "Authorization: Bearer $DORA_TOKEN" -H 'Content-Type: application/json' --data '{"team": "payments", "score": 9}' -o /dev/null -w '%{http_code}\n'""", Page = Page)]
    [RunsCommand("curl -s http://127.0.0.1:5080/api/metrics/platform", Page = Page)]
    [RunsCommand("curl -s http://127.0.0.1:5080/metrics", Page = Page)]
    public async Task The_curl_examples_answer_what_the_page_shows()
    {
        using var work = new TemporaryDirectory();
        const string token = "token-of-the-doc-test";
        var app = DoraApp.Create(["--urls", "http://127.0.0.1:0", "--sqlite", work["dora.db"], "--token", token, "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var examples = MarkdownCommands.Of(Page).Where(c => c.Text.StartsWith("curl ", StringComparison.Ordinal)).ToList();
            examples.Count.ShouldBe(7);

            foreach (var example in examples)
            {
                example.Text.ShouldContain(DocumentedAddress);
                var result = Shell.Run(example.Text.Replace(DocumentedAddress, address, StringComparison.Ordinal), work.Path, Limit,
                    new Dictionary<string, string> { ["DORA_TOKEN"] = token });
                result.ShouldSucceed().ShouldShow(example.ShownOutput);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public void Each_option_of_the_table_sets_what_the_page_says()
    {
        var options = OptionRow().Matches(File.ReadAllText(RepositoryRoot.Path / Page))
            .Select(m => (Option: m.Groups["option"].Value, Variable: m.Groups["variable"].Value))
            .ToList();
        options.Select(o => o.Option).ShouldBe(["--urls", "--sqlite", "--postgres", "--token", "--production-environments"]);

        foreach (var (option, variable) in options.Where(o => o.Option != "--urls"))
        {
            var value = option == "--production-environments" ? "production,live" : "value-of-" + option.TrimStart('-');
            Read(new ConfigurationBuilder().AddCommandLine([option, value]).Build(), option).ShouldBe(Expected(option, value), option);
            Read(FromEnvironment(variable, value), option).ShouldBe(Expected(option, value), variable);
        }
        var defaults = new DoraOptions();
        defaults.SqlitePath.ShouldEndWith(Path.Combine(".idp", "dora", "dora.db"));
        defaults.ProductionEnvironments.ShouldBe(["production", "prod"], ignoreOrder: true);
        defaults.WriteToken.ShouldBeNull();
        DoraApp.DefaultUrl.ShouldBe(DocumentedAddress);
    }

    private static string Read(IConfiguration configuration, string option)
    {
        var options = DoraOptions.From(configuration);
        return option switch
        {
            "--sqlite" => options.SqlitePath,
            "--postgres" => options.PostgresConnectionString ?? "",
            "--token" => options.WriteToken ?? "",
            _ => string.Join(',', options.ProductionEnvironments.Order(StringComparer.Ordinal)),
        };
    }

    private static string Expected(string option, string value) => option switch
    {
        "--sqlite" => Path.GetFullPath(value),
        "--production-environments" => string.Join(',', value.Split(',').Order(StringComparer.Ordinal)),
        _ => value,
    };

    // The variable is set for this process only while the configuration reads it, as Idp.Dora reads it (prefix IDP_DORA_).
    private static IConfiguration FromEnvironment(string variable, string value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            return new ConfigurationBuilder().AddInMemoryCollection(new ConfigurationBuilder().AddEnvironmentVariables("IDP_DORA_").Build().AsEnumerable()).Build();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [GeneratedRegex(@"^\| `(?<option>--[a-z-]+)[^`]*` \| `(?<variable>IDP_DORA_[A-Z]+)`", RegexOptions.Multiline)]
    private static partial Regex OptionRow();
}
