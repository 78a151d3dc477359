using System.Globalization;
using Idp.Dora.Benchmarks;

// dotnet run -c Release --project tests/Idp.Dora.Benchmarks -- <output.json> [events, default 100000] [sqlite|postgres|both]
// The figures: dotnet run -c Release --project tests/Idp.Dora.Benchmarks -- artifacts/benchmarks/dora.json 1000000
if (args.Length == 0 || args.Length > 3 ||
    (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)) ||
    (args.Length > 2 && args[2] is not ("sqlite" or "postgres" or "both")))
{
    Console.Error.WriteLine("usage: Idp.Dora.Benchmarks <output.json> [events: a positive whole number, default 100000] [sqlite|postgres|both, default both]");
    return 2;
}
var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var stores = args.Length > 2 ? args[2] : "both";
var machine = MachineFacts.OfThisMachine();
var figures = new List<Figure>();
if (stores is "sqlite" or "both")
    figures.AddRange(await DoraBenchmark.RunAsync("sqlite", events));
if (stores is "postgres" or "both")
    figures.AddRange(await DoraBenchmark.RunAsync("postgres", events));
SuiteWriter.Write(args[0], new BenchmarkSuite("dora", machine with { LoadAverageAtEnd = MachineFacts.ReadLoadAverage() }, figures));
Console.WriteLine(File.ReadAllText(args[0]));
return 0;
