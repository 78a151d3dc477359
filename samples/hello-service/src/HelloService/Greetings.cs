using Microsoft.Extensions.Options;

namespace HelloService;

/// <summary>GET /api/greetings/{name}: the configured salutation for a name.</summary>
internal static class Greetings
{
    public const int MaxNameLength = 64;

    public static IResult Greet(string name, IOptions<GreetingOptions> options)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            return Results.Problem($"A name of 1 to {MaxNameLength} characters is required.", statusCode: StatusCodes.Status400BadRequest);
        return Results.Ok(new Greeting($"{options.Value.Salutation}, {name.Trim()}!"));
    }
}

/// <summary>The greeting returned to the caller.</summary>
public sealed record Greeting(string Message);
