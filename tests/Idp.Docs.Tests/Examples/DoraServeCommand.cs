using System.Net.Http.Json;
using System.Text.Json;
using Idp.Docs.Tests.Coverage;
using Idp.Docs.Tests.Markdown;
using Idp.Testing;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// <c>./build.sh DoraServe</c> of platform-operations.md, for real: it serves the API in the foreground until stopped.
/// The page says its settings come from <c>IDP_DORA_*</c> variables, so the test gives it a free port and a
/// throwaway database that way.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DoraServeCommand
{
    private const string Page = "docs/platform-operations.md";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    [RunsCommand("./build.sh DoraServe", Page = Page)]
    public async Task DoraServe_serves_the_metrics_api_until_stopped()
    {
        var command = MarkdownCommands.Find(Page, "./build.sh DoraServe");
        using var work = new TemporaryDirectory();
        var address = new Uri($"http://127.0.0.1:{LocalPorts.Free()}/");
        var settings = new Dictionary<string, string>
        {
            ["IDP_DORA_URLS"] = address.ToString().TrimEnd('/'),
            ["IDP_DORA_SQLITE"] = work["dora.db"],
        };

        using var server = Shell.Start(command.Text, RepositoryRoot.Path, settings);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var platform = await AnswerAsync(http, server);

        platform.GetProperty("registeredTeams").GetInt64().ShouldBe(0);
        File.Exists(work["dora.db"]).ShouldBeTrue("IDP_DORA_SQLITE names the database");
    }

    private static async Task<JsonElement> AnswerAsync(HttpClient http, RunningCommand server)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            server.IsRunning.ShouldBeTrue($"DoraServe ended before it served:\n{server.Output}");
            try
            {
                return await http.GetFromJsonAsync<JsonElement>("/api/metrics/platform");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(500);
            }
        }
        throw new TimeoutException($"DoraServe did not answer on {http.BaseAddress} within {Limit.TotalMinutes:0} minutes:\n{server.Output}");
    }
}
