using Idp.Dora.Events;
using Idp.Dora.Metrics;
using Idp.Dora.Storage;

namespace Idp.Dora.Api;

/// <summary><c>GET /api/metrics/dora?from&amp;to[&amp;service][&amp;team][&amp;timeZone][&amp;weekStart]</c>.</summary>
internal static class MetricsApi
{
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(5 * 366);

    public static void Map(WebApplication app) => app.MapGet("/api/metrics/dora", GetAsync);

    /// <summary>Reads and checks the query; every problem is listed with the parameter it concerns.</summary>
    public static (DoraFilter? Filter, DoraCalendar Calendar, List<ValidationError> Errors) ParseQuery(IQueryCollection query)
    {
        var errors = new List<ValidationError>();
        var from = Instant("from");
        var to = Instant("to");
        if (from is not null && to is not null && from >= to)
            errors.Add(new("to", $"must be after 'from' (the window is [from, to)); got from={query["from"]}, to={query["to"]}"));
        else if (from is not null && to is not null && to - from > LongestWindow)
            errors.Add(new("to", "the window is longer than 5 years; ask for a shorter one"));

        var zone = TimeZoneInfo.Utc;
        if (query["timeZone"].ToString() is { Length: > 0 } zoneId && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            errors.Add(new("timeZone", $"'{zoneId}' is not a known time zone; use an IANA id such as Europe/Zurich or UTC"));
            zone = TimeZoneInfo.Utc;
        }
        var weekStart = DayOfWeek.Sunday;
        switch (query["weekStart"].ToString().ToLowerInvariant())
        {
            case "" or "sunday":
                break;
            case "monday":
                weekStart = DayOfWeek.Monday;
                break;
            default:
                errors.Add(new("weekStart", $"'{query["weekStart"]}' is neither 'sunday' nor 'monday'"));
                break;
        }

        var filter = errors.Count == 0
            ? new DoraFilter(from!.Value, to!.Value, NullIfEmpty(query["service"]), NullIfEmpty(query["team"]))
            : null;
        return (filter, new DoraCalendar(zone!, weekStart), errors);

        DateTimeOffset? Instant(string name)
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                errors.Add(new(name, "is required: an RFC 3339 timestamp with an offset, e.g. 2024-03-04T00:00:00Z"));
                return null;
            }
            if (Timestamp.TryParse(text, out var value, out var problem))
                return value;
            errors.Add(new(name, problem));
            return null;
        }
    }

    private static async Task<IResult> GetAsync(HttpRequest request, DoraStore store, CancellationToken cancellationToken)
    {
        var (filter, calendar, errors) = ParseQuery(request.Query);
        if (filter is null)
            return Problem.Invalid(errors, "query").ToResult();
        var data = await store.ReadDoraAsync(filter, cancellationToken);
        return Results.Json(DoraCalculator.Calculate(filter, data, calendar), DoraJson.Options);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
