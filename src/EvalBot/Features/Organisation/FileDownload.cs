using EvalBot.Admin;
using Microsoft.Extensions.Options;

namespace EvalBot.Features.Organisation;

/// <summary>
/// The one GET of a file sent in chat: Teams' pre-authenticated <c>downloadUrl</c>, through the named client
/// <see cref="HttpClientName"/>, within <see cref="FileImportOptions.DownloadTimeout"/>, reading at most
/// <c>Admin:MaxImportBytes</c> + 1 bytes whatever the server announces. The link is a credential: it is never logged.
/// </summary>
public sealed class FileDownload(IHttpClientFactory clients, IOptionsMonitor<AdminOptions> admin, IOptionsMonitor<FileImportOptions> options)
{
    public const string HttpClientName = "file-import";

    /// <summary>The largest file accepted, in bytes.</summary>
    public int MaxBytes => admin.CurrentValue.MaxImportBytes;

    /// <summary>Only absolute http(s) links are fetched; anything else (file:, ftp:, relative) is refused unread.</summary>
    public static Uri? Link(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public async Task<Downloaded> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var max = MaxBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.DownloadTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) return Downloaded.Failed(DownloadFailure.Refused);
            if (response.Content.Headers.ContentLength > max) return Downloaded.Failed(DownloadFailure.TooLarge);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var bytes = await ReadAtMostAsync(body, max + 1, timeout.Token);
            return bytes.Length > max ? Downloaded.Failed(DownloadFailure.TooLarge) : new Downloaded(bytes, DownloadFailure.None);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Downloaded.Failed(DownloadFailure.TimedOut);
        }
        catch (HttpRequestException)
        {
            return Downloaded.Failed(DownloadFailure.Refused);
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>The bytes of a downloaded file, or why there are none.</summary>
public sealed record Downloaded(byte[]? Bytes, DownloadFailure Failure)
{
    public static Downloaded Failed(DownloadFailure failure) => new(null, failure);
}

/// <summary>Why a file sent in chat was not downloaded.</summary>
public enum DownloadFailure
{
    None,
    TooLarge,
    TimedOut,
    Refused,
}
