namespace Idp.Build.Repository.Benchmarks;

/// <summary>The figures of one suite, measured side by side in one run on one machine.</summary>
/// <param name="Suite">The suite's name, which is also its file name: <c>artifacts/benchmarks/&lt;suite&gt;.json</c>.</param>
sealed record BenchmarkSuite(string Suite, MachineFacts Machine, IReadOnlyList<Figure> Figures);
