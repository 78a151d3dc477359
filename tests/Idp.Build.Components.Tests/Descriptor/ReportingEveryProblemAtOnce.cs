using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Tests.Descriptor;

public sealed class ReportingEveryProblemAtOnce : IDisposable
{
    private const string Broken = """
        apiVersion: idp.build/v1
        service:
          name: hello-service
          port: http
        quality: { coverage: 120, failOn: warnings }
        environments:
          dev:
            replicsa: 2
            resources:
              limits: { memory: 256MB }
        """;

    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void EveryProblem_IsListedInFileOrderWithItsPosition()
    {
        var problems = _text.Problems(Broken);

        problems.Select(p => $"{p.Line}:{p.Column} {p.Path}").ShouldBe([
            "2:1 service.team",
            "4:9 service.port",
            "5:22 quality.coverage",
            "5:35 quality.failOn",
            "7:3 environments.dev.namespace",
            "8:5 environments.dev.replicsa",
            "10:25 environments.dev.resources.limits.memory",
        ]);
    }

    [Fact]
    public void Message_StartsWithTheCountAndListsEachProblemAsFileLineColumn()
    {
        var error = Should.Throw<ServiceDescriptorException>(() => ServiceDescriptorReader.Parse(Broken, "idp.yaml"));

        var lines = error.Message.Split(Environment.NewLine);
        lines[0].ShouldBe("The service descriptor idp.yaml has 7 problems:");
        lines[1].ShouldBe("  idp.yaml:2:1: service.team: 'team' is missing. Add it, e.g. 'team: payments'.");
        lines[2].ShouldBe("  idp.yaml:4:9: service.port: Expected a whole number from 1 to 65535, but found the text 'http'.");
        lines[4].ShouldBe("  idp.yaml:5:35: quality.failOn: 'warnings' is not valid here. Did you mean 'warning'? Expected one of none, note, warning, error.");
        lines[^1].ShouldBe("The format, with a full example: docs/idp-yaml.md in the Idp.Build repository.");
        error.File.ShouldBe("idp.yaml");
    }
}
