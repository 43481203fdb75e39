using System.Collections.Concurrent;
using System.Net;

namespace EvalBot.Tests.Features.Organisation;

/// <summary>
/// The primary handler of the bot's file-download client in tests: serves the bytes registered for a URL and counts
/// every request that reached it, so a test can prove a file was never fetched.
/// </summary>
public sealed class FakeDownloads : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private int _requests;

    /// <summary>Every request that reached the handler.</summary>
    public int Requests => _requests;

    /// <summary>When false, the response has no Content-Length (a chunked body), so only the read limit can stop it.</summary>
    public bool AnnounceLength { get; set; } = true;

    /// <summary>Serves <paramref name="bytes"/> at a fresh pre-authenticated-looking URL and returns it.</summary>
    public string Serve(byte[] bytes, string name = "file")
    {
        var url = $"https://files.example.test/download/{Guid.NewGuid():N}/{Uri.EscapeDataString(name)}?tempauth=secret-{Guid.NewGuid():N}";
        ServeAt(url, bytes);
        return url;
    }

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="url"/> (the same file behind two instances).</summary>
    public void ServeAt(string url, byte[] bytes) => _files[url] = bytes;

    /// <summary>A slow server: the answer waits this long (cancellation ends the wait).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        if (request.Method != HttpMethod.Get || !_files.TryGetValue(request.RequestUri!.ToString(), out var bytes))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = AnnounceLength ? new ByteArrayContent(bytes) : new ChunkedContent(bytes) };
    }

    /// <summary>A body whose length is not known up front.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes, 0, bytes.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
