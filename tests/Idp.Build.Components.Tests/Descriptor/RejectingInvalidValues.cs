namespace Idp.Build.Components.Tests.Descriptor;

public sealed class RejectingInvalidValues : IDisposable
{
    // Each case replaces one line of this valid descriptor and expects exactly one problem.
    private const string Valid = """
        apiVersion: idp.build/v1
        service:
          name: hello-service
          team: payments
          port: 8080
          healthPath: /health
        image:
          repository: payments/hello-service
        deploy:
          timeout: 5m
        environments:
          dev:
            namespace: payments-dev
            replicas: 2
            route: { host: hello.apps.example.com }
            resources:
              requests: { cpu: 100m, memory: 128Mi }
              limits: { cpu: 500m, memory: 256Mi }
        """;

    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void TheBaseDocument_IsValid() => _text.Parse(Valid).Service.Name.ShouldBe("hello-service");

    [Theory]
    [InlineData("  name: hello-service", "  name: Hello-Service", 3, 9, "service.name", "'Hello-Service' is not a valid name (a DNS-1123 label)")]
    [InlineData("  name: hello-service", "  name: hello_service", 3, 9, "service.name", "use 1–63 lowercase letters, digits and '-'")]
    [InlineData("  name: hello-service", "  name: 9lives", 3, 9, "service.name", "starting with a letter")]
    [InlineData("  team: payments", "  team: payments-", 4, 9, "service.team", "ending with a letter or digit")]
    public void InvalidNames_AreRejectedWithTheRule(string line, string replacement, int row, int column, string path, string message) =>
        _text.Problem(Replace(line, replacement)).ShouldBeAt(row, column, path, message);

    [Fact]
    public void UpperCaseName_SuggestsTheLowerCaseOne() =>
        _text.Problem(Replace("  name: hello-service", "  name: HelloService")).Message.ShouldContain("Did you mean 'helloservice'?");

    [Fact]
    public void NameLongerThan63Characters_IsRejected() =>
        _text.Problem(Replace("  name: hello-service", "  name: " + new string('a', 64))).ShouldBeAt(3, 9, "service.name", "1–63");

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void PortOutsideItsRange_IsRejected(string port) =>
        _text.Problem(Replace("  port: 8080", $"  port: {port}")).ShouldBeAt(5, 9, "service.port", "expected a whole number from 1 to 65535");

    [Fact]
    public void HealthPathWithoutLeadingSlash_IsRejected() =>
        _text.Problem(Replace("  healthPath: /health", "  healthPath: health")).ShouldBeAt(6, 15, "service.healthPath", "must start with '/'");

    [Theory]
    [InlineData("/abs/HelloService.csproj", "is an absolute path")]
    [InlineData("src\\\\HelloService\\\\HelloService.csproj", "uses '\\'")]
    [InlineData("src/Missing/Missing.csproj", "does not exist (looked for ")]
    [InlineData("src/HelloService/Program.cs", "is not a C# project file")]
    public void InvalidProjectPath_IsRejected(string project, string message) =>
        _text.Problem(Replace("  port: 8080", $"  project: \"{project}\"")).ShouldBeAt(5, 12, "service.project", message);

    [Theory]
    [InlineData("payments/Hello-Service", "is not a registry repository path")]
    [InlineData("payments/hello-service:1.0", "Leave out the registry host, tag and digest")]
    [InlineData("payments//hello", "is not a registry repository path")]
    public void InvalidImageRepository_IsRejected(string repository, string message) =>
        _text.Problem(Replace("  repository: payments/hello-service", $"  repository: {repository}")).ShouldBeAt(8, 15, "image.repository", message);

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("1m30h")]
    [InlineData("0s")]
    [InlineData("5M")]
    public void InvalidDuration_IsRejected(string timeout) =>
        _text.Problem(Replace("  timeout: 5m", $"  timeout: {timeout}")).ShouldBeAt(10, 12, "deploy.timeout", "e.g. '90s', '5m' or '1h30m'");

    [Fact]
    public void DurationWithoutUnit_SuggestsSeconds() =>
        _text.Problem(Replace("  timeout: 5m", "  timeout: 300")).ShouldBeAt(10, 12, "deploy.timeout", "the number 300 (add a unit: '300s')");

    [Fact]
    public void ReplicasAboveFifty_IsRejected() =>
        _text.Problem(Replace("    replicas: 2", "    replicas: 51")).ShouldBeAt(14, 15, "environments.dev.replicas", "51 is out of range: expected a whole number from 0 to 50");

    [Fact]
    public void InvalidRouteHost_IsRejected() =>
        _text.Problem(Replace("    route: { host: hello.apps.example.com }", "    route: { host: hello..example.com }"))
            .ShouldBeAt(15, 20, "environments.dev.route.host", "is not a valid host name");

    [Fact]
    public void UnknownTlsTermination_SuggestsTheClosest() =>
        _text.Problem(Replace("    route: { host: hello.apps.example.com }", "    route: { host: hello.apps.example.com, tls: edg }"))
            .ShouldBeAt(15, 49, "environments.dev.route.tls", "'edg' is not valid here. Did you mean 'edge'? Expected one of edge, reencrypt, passthrough, none.");

    [Theory]
    [InlineData("{ cpu: 100x, memory: 128Mi }", 24, "resources.requests.cpu", "'100x' is not a CPU quantity")]
    [InlineData("{ cpu: -1, memory: 128Mi }", 24, "resources.requests.cpu", "'-1' is not a CPU quantity")]
    [InlineData("{ cpu: 100m, memory: 128MB }", 38, "resources.requests.memory", "'128MB' is not a memory quantity")]
    [InlineData("{ cpu: 100m, memory: 128m }", 38, "resources.requests.memory", "For mebibytes write '128Mi'")]
    [InlineData("{ cpu: 1, memory: 128Mi }", 24, "resources.requests.cpu", "The request 1 is more than the limit 500m")]
    [InlineData("{ cpu: 100m, memory: 1Gi }", 38, "resources.requests.memory", "The request 1Gi is more than the limit 256Mi")]
    public void InvalidQuantities_AreRejected(string requests, int column, string path, string message) =>
        _text.Problem(Replace("      requests: { cpu: 100m, memory: 128Mi }", $"      requests: {requests}"))
            .ShouldBeAt(17, column, "environments.dev." + path, message);

    [Fact]
    public void UnsupportedApiVersion_NamesTheSupportedOne() =>
        _text.Problem(Replace("apiVersion: idp.build/v1", "apiVersion: idp.build/v2"))
            .ShouldBeAt(1, 13, "apiVersion", "'idp.build/v2' is not a descriptor version this build understands: use 'idp.build/v1'.");

    private static string Replace(string line, string replacement)
    {
        Valid.ShouldContain(line + "\n");
        return Valid.Replace(line + "\n", replacement + "\n", StringComparison.Ordinal);
    }
}
