using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Vault;

// One entry point: record, inject faults, answer health, refuse while sealed, log in, authenticate, authorise,
// then dispatch to the token endpoints or the KV mount that owns the path.
public sealed partial class FakeVault
{
    private const string PermissionDenied = "1 error occurred:\n\t* permission denied\n\n";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var token = TokenOf(request);
        var ns = request.Headers["X-Vault-Namespace"].FirstOrDefault();
        _requests.Enqueue(new FakeVaultRequest(request.Method, $"{request.Path}{request.QueryString}", ns, token));
        if (_faults.TryDequeue(out var fault))
        {
            await WriteAsync(context, new FakeAnswer(fault, Errors($"fake failure {fault}"))).ConfigureAwait(false);
            return;
        }
        var path = request.Path.Value ?? "";
        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await WriteAsync(context, new FakeAnswer(404, Errors())).ConfigureAwait(false);
            return;
        }
        var route = path["/v1/".Length..].Trim('/');
        if (route == "sys/health")
        {
            await WriteAsync(context, Health(request)).ConfigureAwait(false);
            return;
        }
        if (Sealed)
        {
            await WriteAsync(context, new FakeAnswer(503, Errors("Vault is sealed"))).ConfigureAwait(false);
            return;
        }
        if (!string.IsNullOrWhiteSpace(ns))
            route = ns.Trim('/') + "/" + route;
        var method = request.Method is "PUT" ? "POST" : request.Method;
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        FakeAnswer answer;
        lock (_gate)
            answer = Dispatch(method, route, request.Query, body, token);
        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    private FakeAnswer Dispatch(string method, string route, IQueryCollection query, JsonElement body, string? tokenId)
    {
        if (method == "POST" && LoginMount(route) is { } loginMount)
            return Login(loginMount, body);
        if (tokenId is null || !_tokens.TryGetValue(tokenId, out var token) || token.ExpiresAt < _time.GetUtcNow())
            return new FakeAnswer(403, Errors(PermissionDenied));
        switch (method, route)
        {
            case ("GET", "auth/token/lookup-self"):
                return LookupSelf(token);
            case ("POST", "auth/token/renew-self"):
                return RenewSelf(token, body);
            case ("POST", "auth/token/revoke-self"):
                _tokens.Remove(token.Id);
                return new FakeAnswer(204, null);
        }
        if (!Allows(token, route))
            return new FakeAnswer(403, Errors(PermissionDenied));
        var mount = _mounts.Values.Where(m => route == m.Path || route.StartsWith(m.Path + "/", StringComparison.Ordinal)).MaxBy(m => m.Path.Length);
        if (mount is null)
            return new FakeAnswer(404, Errors($"no handler for route \"{route}\". route entry not found."));
        var rest = route[mount.Path.Length..].Trim('/');
        return mount.Version == 2 ? Kv2(mount, method, rest, query, body) : Kv1(mount, method, rest, body);
    }

    private bool Allows(FakeVaultToken token, string route) =>
        token.Policies.Where(_policies.ContainsKey).SelectMany(p => _policies[p]).Any(glob => GlobMatches(glob, route));

    // Vault's ACL globs: '+' stands for one path segment, a trailing '*' for any suffix.
    private static bool GlobMatches(string glob, string path)
    {
        var prefix = glob.EndsWith('*');
        var patternSegments = (prefix ? glob[..^1] : glob).Split('/');
        var pathSegments = path.Split('/');
        if (pathSegments.Length < patternSegments.Length || (!prefix && pathSegments.Length != patternSegments.Length))
            return false;
        for (var i = 0; i < patternSegments.Length; i++)
        {
            var last = i == patternSegments.Length - 1;
            var matches = patternSegments[i] == "+" || (last && prefix
                ? pathSegments[i].StartsWith(patternSegments[i], StringComparison.Ordinal)
                : pathSegments[i] == patternSegments[i]);
            if (!matches)
                return false;
        }
        return true;
    }

    private static string? TokenOf(HttpRequest request)
    {
        if (request.Headers["X-Vault-Token"].FirstOrDefault() is { Length: > 0 } token)
            return token;
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
            return default;
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>Vault's success envelope (Go <c>api.Secret</c>) with every top-level key present.</summary>
    private static Dictionary<string, object?> Envelope(object? data, object? auth = null, string[]? warnings = null, long leaseDuration = 0, string? mountType = null) => new()
    {
        ["request_id"] = Guid.NewGuid().ToString(),
        ["lease_id"] = "",
        ["renewable"] = false,
        ["lease_duration"] = leaseDuration,
        ["data"] = data,
        ["wrap_info"] = null,
        ["warnings"] = warnings,
        ["auth"] = auth,
        ["mount_type"] = mountType ?? "",
    };

    private static Dictionary<string, object?> Errors(params string[] messages) => new() { ["errors"] = messages };

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static Task WriteAsync(HttpContext context, FakeAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.Body is null || HttpMethods.IsHead(context.Request.Method))
            return Task.CompletedTask;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer.Body));
    }

    private readonly record struct FakeAnswer(int Status, object? Body);
}
