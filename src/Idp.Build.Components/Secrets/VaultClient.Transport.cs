using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;

namespace Idp.Build.Components.Secrets;

// Sending with retries, and turning connection and TLS failures into messages that say what to fix.
public sealed partial class VaultClient
{
    /// <summary>Sends one request (retried when <paramref name="retry"/>) and returns the final answer for the caller to judge.</summary>
    private async Task<VaultAnswer> SendAsync(HttpMethod method, string path, VaultRequest? body, string? token, CancellationToken cancellationToken, bool retry = true)
    {
        var attempts = 0;
        var pipeline = retry ? _retry : ResiliencePipeline<HttpResponseMessage>.Empty;
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async attemptToken =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(method, $"{Address}/v1/{path}");
                    if (token is not null)
                        request.Headers.Add("X-Vault-Token", token);
                    if (body is not null)
                        request.Content = new StringContent(JsonSerializer.Serialize(body, VaultJson.Default.VaultRequest), Encoding.UTF8, "application/json");
                    return await _http.SendAsync(request, attemptToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new VaultAnswer((int)response.StatusCode, text, attempts);
        }
        catch (HttpRequestException error) when (IsTlsFailure(error))
        {
            throw new VaultException(
                $"The TLS handshake with Vault at {Address} failed for {method} /v1/{path}: {Innermost(error).Message} " +
                "This machine does not trust the certificate Vault presents. If an internal CA signed it, give that CA's PEM file " +
                "with --vault-ca-cert, or add the CA to the system trust store (Debian/Ubuntu: copy it to /usr/local/share/ca-certificates/ and run " +
                "update-ca-certificates; RHEL: /etc/pki/ca-trust/source/anchors/ and update-ca-trust). Also check that the host name in " +
                $"--vault-address ({Address}) is one the certificate names.",
                error);
        }
        catch (HttpRequestException error)
        {
            throw new VaultException(
                $"Vault at {Address} could not be reached for {method} /v1/{path} after {attempts} attempts: {error.Message} " +
                "Check --vault-address, that Vault is running, and the network path from this machine (DNS, proxy, firewall).",
                error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VaultException(
                $"Vault at {Address} did not answer {method} /v1/{path} within {_settings.Timeout.TotalSeconds:0} s, {attempts} attempts. " +
                $"Check that --vault-address points at Vault and that the node is not overloaded ({Address}/v1/sys/health).",
                error);
        }
    }

    private static bool IsTlsFailure(HttpRequestException error) =>
        error.HttpRequestError == HttpRequestError.SecureConnectionError || Innermost(error) is AuthenticationException;

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
            error = error.InnerException;
        return error;
    }

    private static T Deserialize<T>(VaultAnswer answer, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(answer.Body, type) ?? throw new JsonException("the body was JSON null");
        }
        catch (JsonException error)
        {
            throw new VaultException($"Vault's answer to {what} is not the expected JSON ({error.Message}): {VaultAnswer.Shorten(answer.Body)}. Check that --vault-address points at Vault itself, not at a proxy's page.", error);
        }
    }
}

/// <summary>One answer: status, body and how many attempts it took.</summary>
internal readonly record struct VaultAnswer(int Status, string Body, int Attempts)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Vault's <c>{"errors":[…]}</c>; empty when the body has none.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("errors", out var errors)
                    && errors.ValueKind == JsonValueKind.Array)
                {
                    return errors.EnumerateArray().Select(e => e.ToString()).ToArray();
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, an empty body): there are no Vault errors to show.
            }
            return [];
        }
    }

    /// <summary>The errors on one line: Vault wraps them as "1 error occurred:\n\t* permission denied\n\n".</summary>
    public string ErrorText
    {
        get
        {
            var errors = Errors.Select(e => e.Replace("1 error occurred:", "", StringComparison.Ordinal).Replace("* ", "", StringComparison.Ordinal).ReplaceLineEndings(" ").Replace('\t', ' ').Trim())
                .Where(e => e.Length > 0)
                .ToArray();
            return errors.Length > 0 ? string.Join("; ", errors) : Errors.Count == 0 && !Body.TrimStart().StartsWith('{') ? Shorten(Body) : "no error text";
        }
    }

    public static string Shorten(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length == 0 ? "(empty body)" : oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }
}
