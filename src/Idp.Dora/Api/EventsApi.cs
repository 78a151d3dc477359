using System.Text.Json;
using Idp.Dora.Events;
using Idp.Dora.Hosting;
using Idp.Dora.Storage;

namespace Idp.Dora.Api;

/// <summary><c>POST /api/events</c>: one CDEvent or an array; validated whole, stored idempotently by (source, id).</summary>
internal static class EventsApi
{
    public static void Map(WebApplication app) => app.MapPost("/api/events", PostAsync);

    private static async Task<IResult> PostAsync(HttpContext context, DoraOptions options, EventReader reader, DoraStore store, CancellationToken cancellationToken)
    {
        if (WriteAccess.Deny(context, options) is { } denied)
            return denied;
        var (document, problem) = await RequestBody.ReadJsonAsync(context.Request, cancellationToken);
        if (problem is not null)
            return problem.ToResult();
        using (document)
        {
            var (events, errors) = reader.Read(document!.RootElement);
            if (errors.Count > 0)
                return Problem.Invalid(errors, "request").ToResult();
            var result = await store.IngestAsync(events, cancellationToken);
            return Results.Json(new { accepted = result.Accepted, duplicates = result.Duplicates }, DoraJson.Options, statusCode: 202);
        }
    }
}
