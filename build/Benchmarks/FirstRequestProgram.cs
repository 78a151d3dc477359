using System.Globalization;
using Idp.Build.Tools;

namespace Idp.Build.Repository.Benchmarks;

/// <summary>
/// The least a .NET program must do to learn that an image is built and pushed already: start, ask the Docker engine
/// (<c>GET /_ping</c>) and ask the registry (<c>GET /v2/</c>), one request each, with the runtime's HttpClient. Compiled
/// like the bootstrappers compile a build, with the same runtime settings as the sample's build project. Its time is
/// the floor under any warm DockerBuild + Push written in .NET, whatever the targets do.
/// </summary>
sealed class FirstRequestProgram : IDisposable
{
    private const string AssemblyName = "FirstRequest";

    private FirstRequestProgram(AbsolutePath directory) => Directory = directory;

    public AbsolutePath Directory { get; }
    public AbsolutePath Assembly => Directory / "bin" / $"{AssemblyName}.dll";

    /// <summary>How the program was compiled, for the figures' notes.</summary>
    public string CompiledAs { get; private set; } = "not compiled";

    public static FirstRequestProgram Build(AbsolutePath repositoryRoot)
    {
        var program = new FirstRequestProgram(AbsolutePath.Create(Path.Combine(Path.GetTempPath(), $"idp-first-request-{Guid.NewGuid():N}")));
        try
        {
            program.Directory.CreateDirectory();
            File.Copy(repositoryRoot / "global.json", program.Directory / "global.json");
            File.WriteAllText(program.Directory / $"{AssemblyName}.csproj", Project);
            File.WriteAllText(program.Directory / "Program.cs", Source);
            program.CompiledAs = ProgramCompiler.Compile(program.Directory / $"{AssemblyName}.csproj", program.Directory / "bin");
            return program;
        }
        catch
        {
            program.Dispose();
            throw;
        }
    }

    /// <summary>One run against <paramref name="engine"/> (<c>unix://</c> or <c>tcp://</c>, as DOCKER_HOST) and <paramref name="registry"/> (host:port).</summary>
    public ProcessMeasurement Measure(string engine, string registry) =>
        MeasuredProcess.Run(Directory, DotNetTasks.DotNetPath, Assembly, engine, registry).ThrowIfFailed("the first-request program");

    public void Dispose()
    {
        if (Directory.DirectoryExists())
            System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static string Project => string.Create(CultureInfo.InvariantCulture, $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <AssemblyName>{AssemblyName}</AssemblyName>
            <InvariantGlobalization>true</InvariantGlobalization>
            <UseAppHost>false</UseAppHost>
          </PropertyGroup>
        </Project>
        """);

    // Exits 0 only when both answered 200, so a measured run is one that really reached both.
    private const string Source = """
        using System.Net.Sockets;

        var engine = new Uri(args[0]);
        var engineHandler = new SocketsHttpHandler { UseProxy = false };
        if (engine.Scheme == "unix")
        {
            engineHandler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(engine.AbsolutePath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }
        var engineBase = engine.Scheme == "unix" ? "http://engine" : $"http://{engine.Authority}";
        using var engineClient = new HttpClient(engineHandler);
        using var registryClient = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var ping = await engineClient.GetAsync($"{engineBase}/_ping");
        using var registry = await registryClient.GetAsync($"http://{args[1]}/v2/");
        Console.WriteLine($"engine {(int)ping.StatusCode}, registry {(int)registry.StatusCode}");
        return ping.IsSuccessStatusCode && registry.IsSuccessStatusCode ? 0 : 1;
        """;
}
