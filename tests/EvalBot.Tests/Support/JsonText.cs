using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalBot.Tests.Support;

/// <summary>JSON as readable text (Vietnamese unescaped), for assertions that look for what a user would read.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Readable(this JsonNode? node) => node?.ToJsonString(Relaxed) ?? "";
}
