using System.Security.Cryptography;
using System.Text;
using Idp.Dora.Hosting;

namespace Idp.Dora.Api;

/// <summary>Checks <c>Authorization: Bearer &lt;token&gt;</c> on writes when the endpoint was started with <c>--token</c>.</summary>
internal static class WriteAccess
{
    public static IResult? Deny(HttpContext context, DoraOptions options)
    {
        if (options.WriteToken is not { } token)
            return null;
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token)))
        {
            return null;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return new Problem("https://idp.build/problems/unauthorized", "A write token is required", 401,
            header.Length == 0
                ? "This endpoint was started with --token. Send 'Authorization: Bearer <token>' (the build's --dora-token)."
                : "The bearer token does not match the endpoint's --token. Check the build's --dora-token.").ToResult();
    }
}
