using Idp.Dora.Benchmarks;

// dotnet run -c Release --project tests/Idp.Dora.Benchmarks -- <output.json> [events=1000000] [sqlite|postgres|both]
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Idp.Dora.Benchmarks <output.json> [events, default 1000000] [sqlite|postgres|both, default both]");
    return 2;
}
var events = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var backends = args.Length > 2 ? args[2] : "both";
var machine = MachineFacts.OfThisMachine();
var figures = new List<Figure>();
if (backends is "sqlite" or "both")
    figures.AddRange(await DoraBenchmark.RunAsync("sqlite", events));
if (backends is "postgres" or "both")
    figures.AddRange(await DoraBenchmark.RunAsync("postgres", events));
SuiteWriter.Write(args[0], new BenchmarkSuite("dora", machine with { LoadAverageAtEnd = MachineFacts.ReadLoadAverage() }, figures));
Console.WriteLine(File.ReadAllText(args[0]));
return 0;
