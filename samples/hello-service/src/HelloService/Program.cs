using HelloService;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<GreetingOptions>(builder.Configuration.GetSection(GreetingOptions.Section));
builder.Services.AddSingleton<ApiKeyCheck>();

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapGet("/health/ready", () => Results.Ok(new { status = "ready" }));
app.MapGet("/api/greetings/{name}", Greetings.Greet);
app.MapPost("/api/echo", Echo.Handle);

await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program
{
    protected Program()
    {
    }
}
