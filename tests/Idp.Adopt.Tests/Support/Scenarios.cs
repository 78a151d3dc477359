using Idp.Testing.Sdk;

namespace Idp.Adopt.Tests.Support;

/// <summary>The repositories the tests adopt, each committed as a team would have it before adoption.</summary>
public static class Scenarios
{
    /// <summary>A minimal API from 'dotnet new webapi' in src/Weather.Api, no solution, no tests.</summary>
    public static Repository WebApi()
    {
        var repository = new Repository("weather");
        repository.Dotnet("new", "webapi", "-o", "src/Weather.Api", "--no-restore");
        repository.CommitAll("Weather API");
        return repository;
    }

    /// <summary>A Razor Pages app from 'dotnet new webapp' in src/Shop.Web.</summary>
    public static Repository RazorPages()
    {
        var repository = new Repository("shop");
        repository.Dotnet("new", "webapp", "-o", "src/Shop.Web", "--no-restore");
        repository.Dotnet("new", "sln", "-n", "Shop");
        repository.Dotnet("sln", "Shop.slnx", "add", "src/Shop.Web/Shop.Web.csproj");
        repository.CommitAll("Shop");
        return repository;
    }

    /// <summary>samples/hello-service without its build files (build/, build.sh, build.ps1, .nuke/, idp.yaml).</summary>
    public static Repository Sample()
    {
        var repository = new Repository("hello-service");
        var sample = Path.Combine(SdkFeed.RepositoryRoot, "samples", "hello-service");
        string[] left = ["build", "build.sh", "build.ps1", ".nuke", "idp.yaml", "artifacts"];
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file).Replace('\\', '/');
            var parts = relative.Split('/');
            if (left.Contains(parts[0]) || parts.Any(p => p is "bin" or "obj"))
                continue;
            repository.Write(relative, File.ReadAllText(file));
        }
        repository.CommitAll("Hello service");
        return repository;
    }

    /// <summary>A web API with the multi-stage Dockerfile Visual Studio writes (restore and publish inside the image) and a GitLab CI file of its own.</summary>
    public static Repository MultiStageDockerfile()
    {
        var repository = new Repository("orders");
        repository.Dotnet("new", "webapi", "-o", "src/Orders.Api", "--no-restore");
        repository.Dotnet("new", "sln", "-n", "Orders", "--format", "sln");
        repository.Dotnet("sln", "Orders.sln", "add", "src/Orders.Api/Orders.Api.csproj");
        repository.Write("Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
            WORKDIR /app
            EXPOSE 8080

            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /src
            COPY ["src/Orders.Api/Orders.Api.csproj", "src/Orders.Api/"]
            RUN dotnet restore "src/Orders.Api/Orders.Api.csproj"
            COPY . .
            RUN dotnet publish "src/Orders.Api/Orders.Api.csproj" -c Release -o /app/publish

            FROM base AS final
            COPY --from=build /app/publish .
            ENTRYPOINT ["dotnet", "Orders.Api.dll"]

            """);
        repository.Write(".gitlab-ci.yml", """
            build:
              image: mcr.microsoft.com/dotnet/sdk:10.0
              script:
                - dotnet build Orders.sln

            """);
        repository.CommitAll("Orders API with its own Dockerfile and CI");
        return repository;
    }

    /// <summary>A web API in Inventory.slnx and a tools library in Tools.sln, both at the root.</summary>
    public static Repository TwoSolutions()
    {
        var repository = new Repository("inventory");
        repository.Dotnet("new", "webapi", "-o", "src/Inventory.Api", "--no-restore");
        repository.Dotnet("new", "classlib", "-o", "tools/Inventory.Tools", "--no-restore");
        repository.Dotnet("new", "sln", "-n", "Inventory");
        repository.Dotnet("sln", "Inventory.slnx", "add", "src/Inventory.Api/Inventory.Api.csproj");
        repository.Dotnet("new", "sln", "-n", "Tools", "--format", "sln");
        repository.Dotnet("sln", "Tools.sln", "add", "tools/Inventory.Tools/Inventory.Tools.csproj");
        repository.CommitAll("Inventory API and tools");
        return repository;
    }
}
