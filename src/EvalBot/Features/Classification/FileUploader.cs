using System.Net.Http.Headers;

namespace EvalBot.Features.Classification;

/// <summary>
/// Puts an accepted file where Teams said (<c>uploadInfo.uploadUrl</c>, a pre-authorised upload session): one PUT with
/// the whole body and <c>Content-Range: bytes 0-{n-1}/{n}</c>. Only http(s) addresses; a bounded time (the named client's
/// timeout, <see cref="ExportOptions.UploadTimeout"/>).
/// </summary>
public sealed partial class FileUploader(IHttpClientFactory clients, ILogger<FileUploader> logger)
{
    public const string HttpClientName = "classification-upload";

    /// <summary>True when the upload was accepted (2xx); a failure is logged, never thrown.</summary>
    public async Task<bool> PutAsync(string uploadUrl, byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || bytes.Length == 0)
        {
            LogRefusedAddress(logger);
            return false;
        }

        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, bytes.Length - 1, bytes.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue(ClassificationExport.XlsxType);
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = content };
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogFailed(logger, (int)response.StatusCode, null);
            return false;
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, null, e);
            return false;
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            LogFailed(logger, null, e);
            return false;
        }
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "File upload refused: the upload address is not an absolute http(s) address")]
    private static partial void LogRefusedAddress(ILogger logger);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "File upload to Teams failed (status {Status})")]
    private static partial void LogFailed(ILogger logger, int? status, Exception? exception);
}
