namespace Idp.Dora.Metrics;

/// <summary>The interpolated median (<c>PERCENTILE_CONT(x, 0.5)</c>), as rules R3 and R5 require.</summary>
public static class Median
{
    /// <summary>The median of <paramref name="values"/>, or null when there are none. Reorders the array.</summary>
    public static double? Of(long[] values)
    {
        if (values.Length == 0)
            return null;
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + (double)values[middle]) / 2;
    }

    /// <summary>The median of <paramref name="values"/>, or null when there are none.</summary>
    public static double? Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
