using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.SonarQube;

// One entry point: inject faults, authenticate, dispatch on the path, record. Public endpoints (version, status)
// answer without a token, as on a real server with forced authentication.
public sealed partial class FakeSonarQube
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // SonarQube writes quotes in messages as they are, not as \u0027.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly HashSet<string> PublicPaths = ["/api/server/version", "/api/system/status", "/api/v2/analysis/version"];

    private enum Caller
    {
        Anonymous,
        Unknown,
        Permitted,
        WithoutPermission,
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var (caller, scheme) = Authenticate(request.Headers.Authorization.ToString());
        var answer = _faults.TryDequeue(out var fault)
            ? Answer.Errors(fault, $"Fake SonarQube: injected {fault}")
            : Route(context, path, caller);
        _requests.Enqueue(new RecordedRequest(request.Method, path + request.QueryString, scheme, answer.Status));
        context.Response.StatusCode = answer.Status;
        if (answer.Body.Length > 0 || answer.ContentType is not null)
        {
            context.Response.ContentType = answer.ContentType ?? "application/json";
            await context.Response.Body.WriteAsync(answer.Body).ConfigureAwait(false);
        }
    }

    private Answer Route(HttpContext context, string path, Caller caller)
    {
        if (context.Request.Method != HttpMethods.Get)
            return Answer.Errors(405, $"Unsupported method {context.Request.Method} for {path}");
        if (PublicPaths.Contains(path))
            return Public(path);
        if (caller is Caller.Anonymous or Caller.Unknown)
            return new Answer(401, []);
        if (caller == Caller.WithoutPermission)
            return Answer.Errors(403, "Insufficient privileges");

        var query = context.Request.Query;
        return path switch
        {
            "/api/ce/task" => ComputeEngineTask(query),
            "/api/qualitygates/project_status" => ProjectStatus(query),
            _ => ScannerBootstrap(context.Request, path) ?? Answer.Errors(404, $"Unknown url : {path}"),
        };
    }

    private Answer Public(string path) => path switch
    {
        "/api/system/status" => Answer.JsonOf(200, new { id = "fake-sonarqube", version = ServerVersion, status = "UP" }),
        _ => new Answer(200, Encoding.UTF8.GetBytes(ServerVersion), "text/plain"),
    };

    private (Caller Caller, string? Scheme) Authenticate(string header)
    {
        if (string.IsNullOrEmpty(header) || !AuthenticationHeaderValue.TryParse(header, out var value))
            return (Caller.Anonymous, null);
        var scheme = value.Scheme;
        string? token = null;
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            token = AcceptsBearer ? value.Parameter : null;
        }
        else if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter ?? ""));
                // A token is sent as the user name with an empty password.
                if (pair.EndsWith(':'))
                    token = pair[..^1];
            }
            catch (FormatException)
            {
                token = null;
            }
        }
        var caller = token switch
        {
            Token => Caller.Permitted,
            TokenWithoutPermission => Caller.WithoutPermission,
            _ => Caller.Unknown,
        };
        return (caller, scheme);
    }

    private sealed record Answer(int Status, byte[] Body, string? ContentType = null)
    {
        public static Answer JsonOf(int status, object body) => new(status, JsonSerializer.SerializeToUtf8Bytes(body, Json));

        public static Answer Errors(int status, string message) => JsonOf(status, new { errors = new[] { new { msg = message } } });
    }
}
