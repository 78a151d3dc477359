using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Idp.Testing.Vault;

// Logins (AppRole, JWT, Kubernetes: unauthenticated POSTs to auth/<mount>/login) and the token's own endpoints.
public sealed partial class FakeVault
{
    private static string? LoginMount(string route)
    {
        if (!route.EndsWith("/login", StringComparison.Ordinal))
            return null;
        var start = route.StartsWith("auth/", StringComparison.Ordinal) ? 0 : route.IndexOf("/auth/", StringComparison.Ordinal) + 1;
        if (start < 0 || !route.AsSpan(start).StartsWith("auth/"))
            return null;
        return route[(start + "auth/".Length)..^"/login".Length];
    }

    private FakeAnswer Login(string mount, JsonElement body)
    {
        var roles = _roles.Where(r => r.Mount == mount).ToArray();
        if (roles.Length == 0)
            return new FakeAnswer(403, Errors(PermissionDenied));
        return roles[0].Kind switch
        {
            FakeAuthKind.AppRole => AppRoleLogin(roles, body),
            FakeAuthKind.Jwt => JwtLogin(roles, body),
            _ => KubernetesLogin(roles, body),
        };
    }

    private FakeAnswer AppRoleLogin(FakeVaultRole[] roles, JsonElement body)
    {
        var roleId = Text(body, "role_id");
        if (string.IsNullOrEmpty(roleId))
            return new FakeAnswer(400, Errors("missing role_id"));
        var role = roles.FirstOrDefault(r => r.RoleId == roleId);
        if (role is null || role.SecretId != Text(body, "secret_id"))
            return new FakeAnswer(400, Errors("invalid role or secret ID"));
        return Issued(role, "approle", new Dictionary<string, string> { ["role_name"] = role.Name });
    }

    private FakeAnswer JwtLogin(FakeVaultRole[] roles, JsonElement body)
    {
        var name = Text(body, "role");
        if (string.IsNullOrEmpty(Text(body, "jwt")))
            return new FakeAnswer(400, Errors("missing token"));
        if (string.IsNullOrEmpty(name))
            return new FakeAnswer(400, Errors("missing role"));
        var role = roles.FirstOrDefault(r => r.Name == name);
        if (role is null)
            return new FakeAnswer(400, Errors($"role \"{name}\" could not be found"));
        if (Claims(Text(body, "jwt")!) is not { } claims)
            return new FakeAnswer(400, Errors("error validating token: malformed JWT"));
        if (claims.TryGetValue("exp", out var exp) && long.TryParse(exp, CultureInfo.InvariantCulture, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) < _time.GetUtcNow())
            return new FakeAnswer(400, Errors("error validating token: token is expired (exp)"));
        var audiences = claims.TryGetValue("aud", out var aud) ? aud.Split('\n') : [];
        if (role.BoundAudience is not null && !audiences.Contains(role.BoundAudience))
            return new FakeAnswer(400, Errors("error validating claims: aud claim does not match any bound audience"));
        if (role.BoundClaims.FirstOrDefault(b => !claims.TryGetValue(b.Key, out var value) || !Glob(b.Value, value)) is { Key: not null } failed)
            return new FakeAnswer(400, Errors($"error validating claims: claim \"{failed.Key}\" does not match any associated bound claim values"));
        return Issued(role, "jwt", new Dictionary<string, string> { ["role"] = role.Name });
    }

    private FakeAnswer KubernetesLogin(FakeVaultRole[] roles, JsonElement body)
    {
        var name = Text(body, "role");
        if (string.IsNullOrEmpty(name))
            return new FakeAnswer(400, Errors("missing role"));
        var role = roles.FirstOrDefault(r => r.Name == name);
        if (role is null)
            return new FakeAnswer(400, Errors($"invalid role name \"{name}\""));
        if (Claims(Text(body, "jwt") ?? "") is not { } claims)
            return new FakeAnswer(400, Errors("missing or malformed jwt"));
        if (!claims.TryGetValue("sub", out var subject) || subject != role.BoundClaims["sub"])
            return new FakeAnswer(403, Errors("service account name not authorized"));
        var parts = subject.Split(':');
        return Issued(role, "kubernetes", new Dictionary<string, string>
        {
            ["role"] = role.Name,
            ["service_account_namespace"] = parts[2],
            ["service_account_name"] = parts[3],
        });
    }

    private FakeAnswer Issued(FakeVaultRole role, string displayName, Dictionary<string, string> metadata)
    {
        var token = Issue($"{displayName}-{role.Name}", ["default", .. role.Policies], role.Ttl, role.Renewable, metadata);
        return new FakeAnswer(200, Envelope(null, AuthBlock(token, role.Ttl)));
    }

    private static Dictionary<string, object?> AuthBlock(FakeVaultToken token, TimeSpan lease) => new()
    {
        ["client_token"] = token.Id,
        ["accessor"] = token.Accessor,
        ["policies"] = token.Policies,
        ["token_policies"] = token.Policies,
        ["identity_policies"] = null,
        ["metadata"] = token.Metadata.Count == 0 ? null : token.Metadata,
        ["orphan"] = true,
        ["entity_id"] = "",
        ["lease_duration"] = (long)lease.TotalSeconds,
        ["renewable"] = token.Renewable,
        ["mfa_requirement"] = null,
    };

    private FakeAnswer LookupSelf(FakeVaultToken token)
    {
        var remaining = token.ExpiresAt is { } at ? (long)Math.Max(0, (at - _time.GetUtcNow()).TotalSeconds) : 0;
        return new FakeAnswer(200, Envelope(new Dictionary<string, object?>
        {
            ["accessor"] = token.Accessor,
            ["creation_ttl"] = (long)token.Ttl.TotalSeconds,
            ["display_name"] = token.DisplayName,
            ["entity_id"] = "",
            ["expire_time"] = token.ExpiresAt is { } expires ? Timestamp(expires) : null,
            ["explicit_max_ttl"] = 0,
            ["id"] = token.Id,
            ["meta"] = token.Metadata.Count == 0 ? null : token.Metadata,
            ["num_uses"] = 0,
            ["orphan"] = true,
            ["path"] = "auth/token/create",
            ["policies"] = token.Policies,
            ["renewable"] = token.Renewable,
            ["ttl"] = remaining,
            ["type"] = "service",
        }));
    }

    private FakeAnswer RenewSelf(FakeVaultToken token, JsonElement body)
    {
        if (!token.Renewable || token.ExpiresAt is null)
            return new FakeAnswer(400, Errors("lease is not renewable"));
        var increment = Duration(Text(body, "increment")) ?? token.Ttl;
        var renewed = token with { ExpiresAt = _time.GetUtcNow() + increment, Renewals = token.Renewals + 1 };
        _tokens[token.Id] = renewed;
        return new FakeAnswer(200, Envelope(null, AuthBlock(renewed, increment)));
    }

    /// <summary>The claims of a JWT payload as text (arrays joined by newlines), or null when it is not a JWT.</summary>
    private static Dictionary<string, string>? Claims(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
            return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return document.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.Array => string.Join('\n', p.Value.EnumerateArray().Select(v => v.ToString())),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => p.Value.GetRawText(),
                });
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return null;
        }
    }

    private static bool Glob(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Vault durations: seconds as a number or string, or Go-style <c>90s</c>, <c>15m</c>, <c>1h</c>.</summary>
    private static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (long.TryParse(text, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        var number = long.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(number),
            'm' => TimeSpan.FromMinutes(number),
            'h' => TimeSpan.FromHours(number),
            _ => throw new FormatException($"'{text}' is not a duration"),
        };
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
