using System.Text.Json;
using Idp.Dora.Events;
using Idp.Dora.Hosting;
using Idp.Dora.Metrics;
using Idp.Dora.Storage;

namespace Idp.Dora.Api;

/// <summary>
/// Platform metrics: <c>GET /api/metrics/platform</c>, and their inputs <c>PUT /api/teams/{team}</c> (registers a
/// team for the adoption rate) and <c>POST /api/surveys/nps</c> (<c>{"team": "...", "score": 0..10}</c>).
/// </summary>
internal static class PlatformApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/metrics/platform", async (DoraStore store, CancellationToken ct) =>
            Results.Json(PlatformReport.From(await store.ReadPlatformAsync(ct)), DoraJson.Options));
        app.MapPut("/api/teams/{team}", RegisterTeamAsync);
        app.MapPost("/api/surveys/nps", AddNpsAsync);
    }

    private static async Task<IResult> RegisterTeamAsync(string team, HttpContext context, DoraOptions options, DoraStore store, CancellationToken cancellationToken)
    {
        if (WriteAccess.Deny(context, options) is { } denied)
            return denied;
        if (TeamProblem(team, "team") is { } problem)
            return Problem.Invalid([problem], "request").ToResult();
        await store.RegisterTeamAsync(team, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> AddNpsAsync(HttpContext context, DoraOptions options, DoraStore store, CancellationToken cancellationToken)
    {
        if (WriteAccess.Deny(context, options) is { } denied)
            return denied;
        var (document, bodyProblem) = await RequestBody.ReadJsonAsync(context.Request, cancellationToken);
        if (bodyProblem is not null)
            return bodyProblem.ToResult();
        using (document)
        {
            var root = document!.RootElement;
            var errors = new List<ValidationError>();
            if (root.ValueKind != JsonValueKind.Object)
                return Problem.Invalid([new("$", "must be an object {\"team\": \"...\", \"score\": 0..10}")], "survey answer").ToResult();
            var fields = new JsonFields(errors);
            var team = fields.String(root, "team", "$", required: true, maxLength: 128);
            if (team is not null && TeamProblem(team, "$.team") is { } teamProblem)
                errors.Add(teamProblem);
            int? score = null;
            if (!root.TryGetProperty("score", out var scoreElement))
                errors.Add(new("$.score", "is required (an integer from 0 to 10)"));
            else if (scoreElement.ValueKind != JsonValueKind.Number || !scoreElement.TryGetInt32(out var value) || value is < 0 or > 10)
                errors.Add(new("$.score", $"must be an integer from 0 to 10, found {scoreElement.GetRawText()}"));
            else
                score = value;
            if (errors.Count > 0)
                return Problem.Invalid(errors, "survey answer").ToResult();
            await store.AddNpsResponseAsync(team!, score!.Value, cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        }
    }

    private static ValidationError? TeamProblem(string team, string path) =>
        team.Length is 0 or > 128 || team.Any(char.IsControl) || team.Any(char.IsSurrogate)
            ? new ValidationError(path, "must be a team name of 1 to 128 printable characters")
            : null;
}
