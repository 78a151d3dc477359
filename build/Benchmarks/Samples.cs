namespace Idp.Build.Repository.Benchmarks;

/// <summary>Repeated measurements of one figure; the median is reported because a shared machine adds outliers.</summary>
sealed class Samples
{
    private readonly double[] _sorted;

    public Samples(IEnumerable<double> values)
    {
        _sorted = values.Order().ToArray();
        if (_sorted.Length == 0)
            throw new ArgumentException("A figure needs at least one measurement.", nameof(values));
    }

    public int Count => _sorted.Length;
    public double Min => _sorted[0];
    public double Max => _sorted[^1];

    public double Median => _sorted.Length % 2 == 1
        ? _sorted[_sorted.Length / 2]
        : (_sorted[_sorted.Length / 2 - 1] + _sorted[_sorted.Length / 2]) / 2;

    public Samples Select(Func<double, double> convert) => new(_sorted.Select(convert));
}
