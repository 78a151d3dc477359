using System.Text.RegularExpressions;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// What one push uploaded, told from the registry's access log: the blobs of its manifest whose upload completed after
/// the log's <c>position</c>, against the size of its app layer (the manifest's last layer).
/// </summary>
sealed partial record Upload(long Bytes, int Blobs, long AppLayer, long Config, long Layers)
{
    public double Ratio => Math.Round((double)Bytes / AppLayer, 3);
    public double LayerRatio => Math.Round((double)Layers / AppLayer, 3);

    public static Upload Read(string log, int position, (List<(string Digest, long Size)> Layers, (string Digest, long Size) Config) manifest)
    {
        var uploaded = File.ReadLines(log).Skip(position).Select(l => CompletedUpload().Match(l)).Where(m => m.Success)
            .Select(m => "sha256:" + m.Groups["hex"].Value).ToHashSet();
        var (layers, config) = manifest;
        return new Upload(
            layers.Append(config).Where(b => uploaded.Contains(b.Digest)).Sum(b => b.Size),
            uploaded.Count,
            layers[^1].Size,
            config.Size,
            layers.Where(l => uploaded.Contains(l.Digest)).Sum(l => l.Size));
    }

    /// <summary>The one that uploaded the most for its app layer: the run a figure reports.</summary>
    public static Upload Larger(Upload? reported, Upload next) => reported is null || next.Ratio > reported.Ratio ? next : reported;

    [GeneratedRegex("\"PUT /v2/\\S+/blobs/uploads/\\S*digest=sha256%3A(?<hex>[0-9a-f]{64})\\S* HTTP/[\\d.]+\" 201")]
    private static partial Regex CompletedUpload();
}
