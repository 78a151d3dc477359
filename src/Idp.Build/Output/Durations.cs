using System.Globalization;

namespace Idp.Build.Output;

internal static class Durations
{
    public static string Format(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : $"{(int)duration.TotalMinutes}:{duration.Seconds:00} min";
}
