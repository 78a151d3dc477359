using Company.Service;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddVaultAgentSecrets(Environment.GetEnvironmentVariable(VaultAgentSecrets.DirectoryVariable));

var app = builder.Build();

// The probes named in idp.yaml (healthPath, readinessPath).
app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapGet("/health/ready", () => Results.Ok(new { status = "ready" }));

await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program
{
    protected Program()
    {
    }
}
