using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// build.sh with the build server on (IDP_BUILD_SERVER=on, as at a terminal): the first run starts the server and
/// runs on it, later runs reuse it, and a run on the server behaves like one in a process of its own.
/// </summary>
[Collection(BootstrapperCollection.Name)]
public sealed class BuildServerRuns(BuiltRepositories repositories) : IDisposable
{
    private static readonly Dictionary<string, string?> ServerOn = new() { ["IDP_BUILD_SERVER"] = "on" };

    private readonly ThrowawayRepository _repository = repositories.For(ThrowawayRepository.BashScript);

    [Fact]
    public void The_first_run_starts_the_server_and_the_next_runs_on_it()
    {
        StartFresh();

        var first = _repository.Run(ServerOn, ["Echo", "--words", "one", "two"]);
        var server = Server();
        var second = _repository.Run(ServerOn, ["Echo", "--words", "three"]);

        first.ExitCode.ShouldBe(0, first.All);
        first.Output.ShouldContain("words: 2, message:");
        second.ExitCode.ShouldBe(0, second.All);
        second.Output.ShouldContain("words: 1, message:");
        second.Output.ShouldContain("Build succeeded");
        Server().Pid.ShouldBe(server.Pid);
        IsRunning(server.Pid).ShouldBeTrue();
        ServedRuns().ShouldBe(2);
    }

    [Fact]
    public void The_build_and_its_child_processes_see_the_clients_directory_and_environment_and_nothing_of_an_earlier_run()
    {
        StartFresh();
        var subdirectory = (_repository.Root / "build").ToString();

        var probed = _repository.Run(new Dictionary<string, string?>(ServerOn) { ["IDP_PROBE"] = "first run" }, ["Where"], directory: subdirectory);
        var plain = _repository.Run(ServerOn, ["Where"]);

        probed.ExitCode.ShouldBe(0, probed.All);
        probed.Output.ShouldContain($"directory: {subdirectory}, probe: <first run>");
        probed.Output.ShouldContain($"child: {subdirectory}, probe: <first run>");
        plain.ExitCode.ShouldBe(0, plain.All);
        plain.Output.ShouldContain($"directory: {_repository.Root}, probe: <>");
        plain.Output.ShouldContain($"child: {_repository.Root}, probe: <>");
        ServedRuns().ShouldBe(2);
    }

    [Fact]
    public void Output_and_errors_keep_their_streams_and_the_exit_code_is_the_builds()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);

        var where = _repository.Run(ServerOn, ["Where"]);
        var failed = _repository.Run(ServerOn, ["Fail"]);
        var unknown = _repository.Run(ServerOn, ["Nonexistent"]);

        where.Error.ShouldContain("to standard error");
        where.Output.ShouldNotContain("to standard error");
        failed.ExitCode.ShouldBe(1, failed.All);
        failed.All.ShouldContain("Fail always fails");
        unknown.ExitCode.ShouldBe(2, unknown.All);
        unknown.Error.ShouldContain("Unknown target 'Nonexistent'");
        ServedRuns().ShouldBe(4);
    }

    [Fact]
    public void A_change_to_the_build_stops_the_old_server_and_the_new_build_serves()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        var old = Server();
        var message = "served-" + Guid.NewGuid().ToString("N")[..8];
        _repository.WriteMessage(message);

        var result = _repository.Run(ServerOn, ["Echo"]);

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        result.Output.ShouldContain($"message: {message}");
        Server().Pid.ShouldNotBe(old.Pid);
        Server().Fingerprint.ShouldNotBe(old.Fingerprint);
        IsRunning(old.Pid).ShouldBeFalse();
    }

    [Fact]
    public void Ctrl_C_at_the_client_interrupts_the_run_and_its_child_processes_as_at_a_terminal()
    {
        using var client = StartWaitingOnServer();
        var clock = Stopwatch.StartNew();

        Signal(client.Process.Id, "INT");

        client.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue("the client did not end within 30 s of Ctrl+C");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        client.Process.ExitCode.ShouldBe(1, client.Output);
        client.Output.ShouldContain("Cancelled (Ctrl+C)");
        IsRunning(Server().Pid).ShouldBeTrue();
    }

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public void Ctrl_C_before_the_plan_is_ready_starts_no_target_on_the_server_as_in_a_process_of_its_own(string server)
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        using var client = StartScript(new Dictionary<string, string?> { ["IDP_BUILD_SERVER"] = server, ["PROBE_PLANNING_SECONDS"] = "5" }, "Echo", "--words", "late");
        WaitForOutput(client, "planning");

        Signal(client.Process.Id, "INT");

        client.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue("the client did not end within 30 s of Ctrl+C");
        client.Process.ExitCode.ShouldBe(1, client.Output);
        client.Output.ShouldContain("Cancelled (Ctrl+C)");
        client.Output.ShouldNotContain("words: 1");
        client.Output.ShouldContain("Build failed");
    }

    [Fact]
    public void A_client_that_is_killed_ends_its_run_and_the_server_serves_the_next()
    {
        using var client = StartWaitingOnServer();

        client.Process.Kill();

        WaitUntil(() => ServedRuns() == 2, TimeSpan.FromSeconds(30)).ShouldBeTrue($"the run went on after its client was killed; the server's log:\n{ServerLog()}");
        var next = _repository.Run(ServerOn, ["Echo", "--words", "after"]);
        next.ExitCode.ShouldBe(0, next.All);
        next.Output.ShouldContain("words: 1, message:");
        ServedRuns().ShouldBe(3);
    }

    [Fact]
    public void A_second_Ctrl_C_ends_the_server_at_once_and_the_next_run_starts_another()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        var server = Server();
        using var client = StartScript("Stubborn");
        try
        {
            WaitForOutput(client, "stubborn");

            Signal(client.Process.Id, "INT");
            WaitForOutput(client, "Cancelled (Ctrl+C)");
            Signal(client.Process.Id, "INT");

            client.WaitForExit(TimeSpan.FromSeconds(20)).ShouldBeTrue("the client did not end within 20 s of the second Ctrl+C");
            client.Process.ExitCode.ShouldBe(130, client.Output);
            WaitUntil(() => !IsRunning(server.Pid), TimeSpan.FromSeconds(10)).ShouldBeTrue("the server outlived the second Ctrl+C");
            _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
            Server().Pid.ShouldNotBe(server.Pid);
        }
        finally
        {
            // Like a terminal's, the second Ctrl+C leaves a child that ignores it running.
            BuildProcess.Run("pkill", ["-f", "sleep 45.5"], "/");
        }
    }

    [Fact]
    public void A_run_while_the_server_is_busy_runs_in_a_process_of_its_own()
    {
        using var busy = StartWaitingOnServer();

        var result = _repository.Run(ServerOn, ["Echo", "--words", "meanwhile"]);

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain("words: 1, message:");
        Signal(busy.Process.Id, "INT");
        busy.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();
    }

    [Fact]
    public void Stop_build_server_stops_it_and_the_next_run_starts_another()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        var server = Server();

        var stop = _repository.Run("--stop-build-server");

        stop.ExitCode.ShouldBe(0, stop.All);
        WaitUntil(() => !IsRunning(server.Pid), TimeSpan.FromSeconds(20)).ShouldBeTrue("the server still runs 20 s after --stop-build-server");
        File.Exists(_repository.ServerFile).ShouldBeFalse();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        Server().Pid.ShouldNotBe(server.Pid);
    }

    [Fact]
    public void An_idle_server_exits_and_removes_its_file()
    {
        StartFresh();

        var result = _repository.Run(new Dictionary<string, string?>(ServerOn) { ["IDP_BUILD_SERVER_IDLE_MINUTES"] = "0.02" }, ["Echo"]);
        var server = Server();

        result.ExitCode.ShouldBe(0, result.All);
        WaitUntil(() => !IsRunning(server.Pid), TimeSpan.FromSeconds(30)).ShouldBeTrue("the server did not exit after 1.2 s idle");
        File.Exists(_repository.ServerFile).ShouldBeFalse();
        ServerLog().ShouldContain("idle for");
    }

    [Fact]
    public void The_server_refuses_a_run_without_its_token_and_output_for_an_unknown_run()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        var server = Server();

        Ask(server.Port, "idp-build/1 run " + new string('0', 64)).ShouldStartWith("denied");
        Ask(server.Port, "idp-build/1 out " + new string('0', 32)).ShouldStartWith("bad");
        Ask(server.Port, "GET / HTTP/1.1").ShouldStartWith("bad");
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        Server().Pid.ShouldBe(server.Pid);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_server_file_is_readable_by_its_owner_only()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);

        File.GetUnixFileMode(_repository.ServerFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Without_a_terminal_the_default_is_no_server()
    {
        StartFresh();

        var result = _repository.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        File.Exists(_repository.ServerFile).ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_IDP_BUILD_SERVER_value_is_an_error_that_names_the_valid_ones()
    {
        var result = _repository.Run(new Dictionary<string, string?> { ["IDP_BUILD_SERVER"] = "sometimes" }, ["Echo"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("IDP_BUILD_SERVER is 'sometimes'; use on, off or auto");
        File.Exists(_repository.ServerFile).ShouldBeFalse();
    }

    public void Dispose() => _repository.StopServer();

    // A test before may have left a change to the build (which rebuilds) or a server behind.
    private void StartFresh()
    {
        _repository.StopServer();
        _repository.Run("Echo").ExitCode.ShouldBe(0);
        File.Delete(_repository.ServerFile + ".log");
    }

    // The server logs one line per run it served.
    private int ServedRuns() => ServerLog().Split('\n').Count(line => line.Contains(" run in ", StringComparison.Ordinal));

    private string ServerLog() => File.Exists(_repository.ServerFile + ".log") ? File.ReadAllText(_repository.ServerFile + ".log") : "(none)";

    private (int Port, int Pid, string Fingerprint) Server()
    {
        File.Exists(_repository.ServerFile).ShouldBeTrue($"no build server serves the repository; its log:\n{ServerLog()}");
        var fields = File.ReadAllText(_repository.ServerFile).TrimEnd('\n').Split(' ', 4);
        return (int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), fields[3]);
    }

    // A server that has served one run, now busy with Wait (sleep 60) and its output showing.
    private RunningScript StartWaitingOnServer()
    {
        StartFresh();
        _repository.Run(ServerOn, ["Echo"]).ExitCode.ShouldBe(0);
        var script = StartScript("Wait");
        WaitForOutput(script, "waiting");
        return script;
    }

    private RunningScript StartScript(params string[] arguments) => StartScript(ServerOn, arguments);

    private RunningScript StartScript(Dictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_repository.Root / ThrowawayRepository.BashScript);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment.Remove("GITLAB_CI");
        start.Environment.Remove("JENKINS_URL");
        return new RunningScript(Process.Start(start)!);
    }

    private static void WaitForOutput(RunningScript script, string text) =>
        WaitUntil(() => script.Output.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(60))
            .ShouldBeTrue($"'{text}' did not appear within 60 s:\n{script.Output}");

    private static string Ask(int port, string line)
    {
        using var client = new TcpClient("127.0.0.1", port);
        using var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(line + "\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return reader.ReadLine() ?? "";
    }

    private static void Signal(int pid, string signal) =>
        BuildProcess.Run("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)], "/").ExitCode.ShouldBe(0);

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                return false;
            Thread.Sleep(50);
        }
        return true;
    }

    /// <summary>build.sh started in the background, its output collected as it comes.</summary>
    private sealed class RunningScript : IDisposable
    {
        private readonly StringBuilder _output = new();

        public RunningScript(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        /// <summary>
        /// True once the script has ended and all its output is read. Process.WaitForExit with a timeout returns
        /// before the last output events are raised; WaitForExitAsync waits for them too.
        /// </summary>
        public bool WaitForExit(TimeSpan timeout)
        {
            using var patience = new CancellationTokenSource(timeout);
            try
            {
                Process.WaitForExitAsync(patience.Token).GetAwaiter().GetResult();
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
                Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.AppendLine(line);
        }
    }
}
