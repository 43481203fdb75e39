using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace EvalBot.Bench.Inbound;

/// <summary>EvalBot's settings for the benchmark and the organisation it is given through the admin API.</summary>
internal static class Setup
{
    public const string AdminKey = "bench-admin-key";
    public const int TargetsPerPerson = 2;

    /// <summary>The quarter open now in Vietnam, e.g. 2026-Q4.</summary>
    public static string CurrentQuarter()
    {
        var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        return $"{now.Year}-Q{((now.Month - 1) / 3) + 1}";
    }

    public static Dictionary<string, string> EvalBotEnvironment(LocalAuthority authority, int port, string databaseFile, bool production) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = production ? "Production" : "Development",
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["Database__Provider"] = "sqlite",
        ["ConnectionStrings__EvalBot"] = $"Data Source={databaseFile}",
        ["EvalBot__SeedDemo"] = "false",
        ["Admin__ApiKey"] = AdminKey,
        ["Bot__MicrosoftAppId"] = LocalAuthority.AppId,
        ["Bot__MicrosoftAppPassword"] = LocalAuthority.ClientSecret,
        ["Bot__TenantId"] = LocalAuthority.TenantId,
        ["Bot__OpenIdMetadataUrl"] = authority.MetadataUrl,
        ["Bot__EntraMetadataUrl"] = authority.EntraMetadataUrl,
        ["Bot__AuthorityHost"] = authority.HttpsBaseUrl,
        // The https token endpoint's certificate is trusted through the process's CA bundle, nothing else.
        ["SSL_CERT_FILE"] = authority.CaBundlePath,
        // The fake connector is not Teams: no pacing to Teams' published rate limits (the other peers have none).
        ["Delivery__TenantRequestsPerSecond"] = "0",
        ["Delivery__EnforceConversationLimits"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
    };

    /// <summary>One unit, its leader and one staff member per client worker, each with two targets for the period.</summary>
    public static async Task SeedAsync(AdminClient admin, string period, int workers)
    {
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        var quarter = period[^1] - '0';
        var deadline = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await admin.ImportAsync("units", "unit_id,name,is_agency,period_kind,time_zone\nU-BENCH,Phòng Tổng hợp,yes,quarter,Asia/Ho_Chi_Minh\n");

        var people = new StringBuilder("person_id,full_name,aad_object_id,unit_id,leader_person_id,population,leader,language\n");
        people.Append("P-LEAD,Lê Thị Lãnh Đạo,bench-leader,U-BENCH,,CivilServant,yes,vi\n");
        var targets = new StringBuilder("target_id,period,person_id,title,unit_of_measure,quantity,conversion_factor,deadline,quality_requirement\n");
        for (var worker = 0; worker < workers; worker++)
        {
            var person = $"P-S{worker:D3}";
            people.Append(CultureInfo.InvariantCulture, $"{person},Cán bộ {worker},{Activities.UserAad(worker)},U-BENCH,P-LEAD,CivilServant,no,vi\n");
            targets.Append(CultureInfo.InvariantCulture, $"T-{worker:D3}-1,{period},{person},Soạn thảo văn bản tham mưu,văn bản,10,1,{deadline},Được phê duyệt\n");
            targets.Append(CultureInfo.InvariantCulture, $"T-{worker:D3}-2,{period},{person},Giải quyết hồ sơ một cửa,hồ sơ,40,1,{deadline},Đúng quy trình\n");
        }

        await admin.ImportAsync("people", people.ToString());
        await admin.ImportAsync("targets", targets.ToString());
    }

    /// <summary>Waits until the campaign prompts queued by opening the period have gone out (no traffic for 3 s).</summary>
    public static async Task WaitQuietAsync(FakeConnector connector)
    {
        var clock = Stopwatch.StartNew();
        var last = -1L;
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = connector.Unmatched + connector.ConversationsCreated;
            if (now != last)
            {
                last = now;
                quietSince = clock.Elapsed;
            }
            else if (clock.Elapsed - quietSince > TimeSpan.FromSeconds(3) && (now > 0 || clock.Elapsed > TimeSpan.FromSeconds(10)))
            {
                Console.WriteLine($"Campaign traffic settled: {connector.ConversationsCreated} conversations created, {connector.Unmatched} messages");
                return;
            }

            await Task.Delay(250);
        }

        Console.WriteLine("Campaign traffic did not settle within 60 s; measuring anyway");
    }
}

/// <summary>The admin API with its key.</summary>
internal sealed class AdminClient(HttpClient http, Uri baseAddress, string key)
{
    public async Task ImportAsync(string kind, string csv)
    {
        var answer = await PostAsync($"admin/org/import?kind={kind}", csv, "text/csv");
        Console.WriteLine($"Imported {kind}: {answer}");
    }

    public async Task<string> PostAsync(string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, path));
        request.Headers.Add("X-Admin-Key", key);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType ?? "application/json"));
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
