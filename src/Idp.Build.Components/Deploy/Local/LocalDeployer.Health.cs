using System.Diagnostics;
using System.Globalization;

namespace Idp.Build.Components.Deploy.Local;

public sealed partial class LocalDeployer
{
    private const int LogLinesShown = 20;

    /// <summary>Waits until the container answers 200 on the health path; throws when it exits or the timeout passes.</summary>
    private async Task WaitHealthyAsync(string id, LocalDeployRequest request, int port, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{request.HealthPath}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        string lastAnswer = "no answer yet";
        while (true)
        {
            var state = (await docker.Containers.InspectContainerAsync(id, cancellationToken)).State;
            if (!state.Running)
            {
                throw new UnhealthyContainerException(
                    $"the container exited with code {state.ExitCode.ToString(CultureInfo.InvariantCulture)} before {url} answered. Its last log lines:\n{await LastLogLinesAsync(id, LogLinesShown, cancellationToken)}");
            }
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    progress($"{url} answered {(int)response.StatusCode} after {watch.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
                lastAnswer = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lastAnswer = e is TaskCanceledException ? "timed out" : "connection refused";
            }
            if (watch.Elapsed > request.Timeout)
            {
                throw new UnhealthyContainerException(
                    $"{url} did not answer 200 within {request.Timeout.TotalSeconds:0} s (last: {lastAnswer}). Check the health path and port in idp.yaml. The container's last log lines:\n{await LastLogLinesAsync(id, LogLinesShown, cancellationToken)}");
            }
            if (watch.Elapsed - reported >= TimeSpan.FromSeconds(5))
            {
                reported = watch.Elapsed;
                progress($"Waiting for {url} ({watch.Elapsed.TotalSeconds:0} s, last: {lastAnswer})");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private sealed class UnhealthyContainerException(string message) : Exception(message);
}
