namespace Idp.Dora.Metrics;

/// <summary>Day, week and month bucketing in a chosen time zone and week start (rule R6).</summary>
public sealed record DoraCalendar(TimeZoneInfo Zone, DayOfWeek WeekStart)
{
    /// <summary>UTC, weeks from Sunday: Four Keys' calendar.</summary>
    public static readonly DoraCalendar Default = new(TimeZoneInfo.Utc, DayOfWeek.Sunday);

    /// <summary>The local date of <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first day of the week holding <paramref name="day"/>.</summary>
    public DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek - (int)WeekStart + 7) % 7));

    /// <summary>The first days of every week that overlaps <c>[from, to)</c>.</summary>
    public IEnumerable<DateOnly> WeeksOf(DateTimeOffset from, DateTimeOffset to)
    {
        var last = WeekOf(DayOf(to.AddTicks(-1)));
        for (var week = WeekOf(DayOf(from)); week <= last; week = week.AddDays(7))
            yield return week;
    }
}
