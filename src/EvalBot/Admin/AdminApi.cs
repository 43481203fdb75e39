using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace EvalBot.Admin;

/// <summary>
/// The <c>/admin</c> route group, authenticated by the <c>X-Admin-Key</c> header (constant-time comparison).
/// With no key configured the whole API answers 404, so an unconfigured deployment exposes nothing.
/// </summary>
public static class AdminApi
{
    public const string KeyHeader = "X-Admin-Key";

    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/admin");
        group.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue;
            if (string.IsNullOrEmpty(options.ApiKey))
            {
                return Results.NotFound();
            }

            var presented = context.HttpContext.Request.Headers[KeyHeader].ToString();
            return KeyMatches(presented, options.ApiKey) ? await next(context) : Results.Unauthorized();
        });
        return group;
    }

    private static bool KeyMatches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
