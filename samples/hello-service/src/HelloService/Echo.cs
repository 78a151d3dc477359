namespace HelloService;

/// <summary>POST /api/echo: returns the message sent, for callers holding the API key.</summary>
internal static class Echo
{
    public static IResult Handle(EchoRequest request, HttpRequest http, ApiKeyCheck apiKey)
    {
        if (!apiKey.IsConfigured)
            return Results.Problem($"The service has no {ApiKeyCheck.SecretName} secret configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
        if (!apiKey.Accepts(http.Headers[ApiKeyCheck.Header]))
            return Results.Unauthorized();
        return Results.Ok(new EchoRequest(request.Message));
    }
}

/// <summary>The body of an echo call.</summary>
public sealed record EchoRequest(string Message);
