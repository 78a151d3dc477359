using Idp.Dora.Api;
using Idp.Dora.Dashboard;
using Idp.Dora.Events;
using Idp.Dora.Storage;

namespace Idp.Dora.Hosting;

/// <summary>
/// Builds the endpoint: <c>dotnet run --project src/Idp.Dora [--urls …] [--sqlite path | --postgres "…"] [--token …]</c>.
/// Tests and benchmarks call <see cref="Create"/> with <c>--urls http://127.0.0.1:0</c> to host the real app.
/// </summary>
public static class DoraApp
{
    /// <summary>Where the endpoint listens unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the application and migrates the store; call <c>RunAsync</c> or <c>StartAsync</c> on it.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(DoraApp).Assembly.GetName().Name,
        });
        builder.Configuration.AddEnvironmentVariables("IDP_DORA_");
        builder.Configuration.AddCommandLine(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var options = DoraOptions.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new EventReader(options.ProductionEnvironments));
        builder.Services.AddSingleton<DoraStore>(_ => options.PostgresConnectionString is { } postgres
            ? new PostgresStore(postgres, options.ProductionEnvironments.Contains)
            : new SqliteStore(options.SqlitePath, options.ProductionEnvironments.Contains));

        var app = builder.Build();
        var store = app.Services.GetRequiredService<DoraStore>();
        try
        {
            store.MigrateAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            var where = options.PostgresConnectionString is not null ? "the PostgreSQL database given with --postgres" : $"the SQLite file {options.SqlitePath}";
            throw new InvalidOperationException(
                $"Idp.Dora could not open or migrate {where}: {e.Message} " +
                "Check that the database is reachable and writable, or pass --sqlite <path> for a local file.", e);
        }
        app.Logger.LogInformation("DORA store: {Kind} ({Where})", store.Kind,
            options.PostgresConnectionString is null ? options.SqlitePath : "PostgreSQL");

        app.UseExceptionHandler(error => error.Run(context =>
        {
            var problem = new Problem("https://idp.build/problems/internal", "The endpoint failed", 500,
                "The request could not be processed; the endpoint's log has the details. Nothing of this request was stored.");
            return problem.ToResult().ExecuteAsync(context);
        }));
        EventsApi.Map(app);
        MetricsApi.Map(app);
        PlatformApi.Map(app);
        PrometheusApi.Map(app);
        DashboardPage.Map(app);
        return app;
    }
}
