using System.Buffers.Binary;
using System.IO.Compression;

namespace Idp.Dora.Tests.Support;

/// <summary>Just enough of PNG to check a screenshot: size, and the pixels of 8-bit RGB/RGBA images.</summary>
public sealed record Png(int Width, int Height, int Channels, byte[] Pixels)
{
    public static Png Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }).ShouldBeTrue($"{path} is not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                data[8].ShouldBe((byte)8, "only 8-bit PNGs are read");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            offset += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return new Png(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>The share of pixels that differ from the most common colour (the background).</summary>
    public double NonBackgroundShare()
    {
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < Pixels.Length; i += Channels)
        {
            var rgb = (Pixels[i] << 16) | (Pixels[i + 1] << 8) | Pixels[i + 2];
            counts[rgb] = counts.GetValueOrDefault(rgb) + 1;
        }
        return 1 - (double)counts.Values.Max() / (Width * Height);
    }

    public int DistinctColours() =>
        Enumerable.Range(0, Width * Height).Select(p => (Pixels[p * Channels] << 16) | (Pixels[p * Channels + 1] << 8) | Pixels[p * Channels + 2]).Distinct().Count();

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var raw = data[y * (stride + 1) + 1 + x];
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                pixels[y * stride + x] = (byte)(raw + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => Paeth(a, b, c),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
