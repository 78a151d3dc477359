using System.Xml.Linq;

namespace Idp.Build.Repository;

/// <summary>The counts of all .trx files in a directory, printed as the plain "N passed, N failed" line CI reads.</summary>
sealed record TrxTotals(int Passed, int Failed, int Skipped)
{
    public static TrxTotals Read(string directory)
    {
        if (!Directory.Exists(directory))
            return new TrxTotals(0, 0, 0);
        var counters = Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories)
            .Select(file => XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters"))
            .Where(c => c is not null)
            .ToArray();
        int Sum(string attribute) => counters.Sum(c => int.TryParse(c!.Attribute(attribute)?.Value, out var n) ? n : 0);
        return new TrxTotals(Sum("passed"), Sum("failed"), Sum("notExecuted"));
    }

    public override string ToString() => $"Tests: {Passed} passed, {Failed} failed, {Skipped} skipped";
}
