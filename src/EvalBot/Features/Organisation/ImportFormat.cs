namespace EvalBot.Features.Organisation;

/// <summary>Tells XLSX from CSV by content: an XLSX file is a zip archive, whatever content type the client sent.</summary>
public static class ImportFormat
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsXlsx(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);
}
