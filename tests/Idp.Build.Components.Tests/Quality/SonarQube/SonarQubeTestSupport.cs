using Idp.Build.Components.Quality.SonarQube;
using Idp.Testing.SonarQube;

namespace Idp.Build.Components.Tests.Quality.SonarQube;

/// <summary>A fake SonarQube per test, a scratch directory, and a client whose retries and polls do not sleep long.</summary>
internal sealed class SonarQubeTestSupport : IAsyncDisposable
{
    private SonarQubeTestSupport(FakeSonarQube server, string directory)
    {
        Server = server;
        Directory = directory;
    }

    public FakeSonarQube Server { get; }

    /// <summary>A fresh directory standing in for the repository the scanner ran in.</summary>
    public string Directory { get; }

    /// <summary>The backoffs the client asked for, instead of sleeping through them.</summary>
    public List<TimeSpan> Delays { get; } = [];

    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static async Task<SonarQubeTestSupport> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "idp-sonar-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        return new SonarQubeTestSupport(await FakeSonarQube.StartAsync(), directory);
    }

    public SonarQubeClient Client(string? token = FakeSonarQube.Token, Uri? url = null) =>
        new(url ?? Server.Url, token, new SonarQubeRetryPolicy
        {
            Delay = (delay, _) =>
            {
                lock (Delays)
                    Delays.Add(delay);
                return Task.CompletedTask;
            },
        });

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A scanner child process may still hold a file for a moment; the OS cleans the temp folder later.
        }
    }
}
