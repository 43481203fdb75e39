using System.Buffers.Binary;
using System.IO.Compression;

namespace EvalBot.Tests.Manifest;

/// <summary>A minimal PNG reader for the icon checks: IHDR, and RGBA pixels of 8-bit non-interlaced images (all five row filters).</summary>
public sealed record PngImage(int Width, int Height, byte BitDepth, byte ColorType, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = (y * Width + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public static PngImage Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG");
        int width = 0, height = 0;
        byte depth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (depth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += length + 12;
        }

        var rgba = depth == 8 && colorType == 6 && interlace == 0 ? Unfilter(Inflate(idat.ToArray()), width, height) : [];
        return new PngImage(width, height, depth, colorType, rgba);
    }

    private static byte[] Inflate(byte[] data)
    {
        using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        var stride = width * 4;
        var result = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[y * (stride + 1) + 1 + x];
                int a = x >= 4 ? result[y * stride + x - 4] : 0;
                int b = y > 0 ? result[(y - 1) * stride + x] : 0;
                int c = x >= 4 && y > 0 ? result[(y - 1) * stride + x - 4] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException("bad PNG filter " + filter),
                };
                result[y * stride + x] = (byte)(value + predictor);
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
