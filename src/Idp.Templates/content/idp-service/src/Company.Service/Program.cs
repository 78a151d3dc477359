var builder = WebApplication.CreateBuilder(args);
// On OpenShift the Vault Agent writes each secret to a file named after its variable (idp.yaml secrets, mode agent).
if (Environment.GetEnvironmentVariable("IDP_SECRETS_DIRECTORY") is { Length: > 0 } secrets)
    builder.Configuration.AddKeyPerFile(secrets, optional: true);

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
