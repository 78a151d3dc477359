using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Tests.Descriptor;

public sealed class RejectingMalformedFiles : IDisposable
{
    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void DuplicateKey_IsReportedAtTheSecondWithTheFirstLine() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service:
              name: hello-service
              team: payments
              name: other-service
            environments: { local: {} }
            """).ShouldBeAt(5, 3, "", "The key 'name' appears twice in this mapping (first on line 3); YAML keeps only one of them. Remove one.");

    [Fact]
    public void DuplicateKeys_AreAllReportedTogether()
    {
        var problems = _text.Problems("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev: { namespace: payments-dev }
              dev: { namespace: payments-dev2 }
            apiVersion: idp.build/v1
            """);

        problems.Select(p => (p.Line, p.Column)).ShouldBe([(5, 3), (6, 1)]);
    }

    [Fact]
    public void SyntaxError_IsReportedWhereTheParserStopped()
    {
        var problem = _text.Problem("""
            apiVersion: idp.build/v1
            service:
              name: hello-service
             team: payments
            environments: { local: {} }
            """);

        problem.ShouldBeAt(4, 2, "", "This is not valid YAML: While parsing a block mapping, did not find expected key.");
        problem.Message.ShouldEndWith("Check the indentation and quoting on this line and the one above.");
        problem.Message.ShouldNotContain("Idx:");
    }

    [Fact]
    public void UnclosedFlowMapping_IsASyntaxError() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments
            environments: { local: {} }
            """).ShouldBeAt(2, 10, "", "This is not valid YAML: this '{' or '[' is never closed.");

    [Fact]
    public void TabIndentation_IsReportedAtTheTab() =>
        _text.Problem("apiVersion: idp.build/v1\nservice:\n\tname: hello-service\n")
            .ShouldBeAt(3, 1, "", "This is not valid YAML: While scanning a mapping, found invalid tab as indentation.");

    [Fact]
    public void UnterminatedQuote_IsReportedWhereTheQuoteOpens() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: 'hello-service, team: payments }
            environments: { local: {} }
            """).ShouldBeAt(2, 18, "", "This is not valid YAML: While scanning a quoted scalar, found unexpected end of stream.");

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void EmptyFile_ShowsTheSmallestValidDescriptor(string yaml) =>
        _text.Problem(yaml).ShouldBeAt(1, 1, "", "The file is empty. The smallest valid descriptor is apiVersion: idp.build/v1");

    [Fact]
    public void ScalarDocument_AsksForAMapping() =>
        _text.Problem("hello-service\n").ShouldBeAt(1, 1, "", "Expected a mapping with the keys apiVersion, service, quality, image, deploy, buildSecrets, environments, but found the text 'hello-service'.");

    [Fact]
    public void SecondDocument_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments: { local: {} }
            ---
            apiVersion: idp.build/v1
            """).ShouldBeAt(4, 1, "", "A second YAML document starts here ('---')");

    [Fact]
    public void UnknownAlias_IsReportedAtTheAlias() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              local: *defaults
            """).Line.ShouldBe(4);

    [Fact]
    public void MissingFile_SaysWhereItLookedAndHowToCreateOne()
    {
        var missing = Path.Combine(_text.Directory, "nested", "idp.yaml");

        var error = Should.Throw<ServiceDescriptorException>(() => ServiceDescriptorReader.Read(missing));

        var problem = error.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Column).ShouldBe((0, 0));
        problem.Message.ShouldStartWith($"No service descriptor at {missing}. Every service repository has an idp.yaml at its root");
        problem.Message.ShouldContain("the smallest valid one is apiVersion: idp.build/v1");
        problem.Message.ShouldContain("--service-descriptor-file <path>");
        error.Message.ShouldStartWith($"The service descriptor {missing} has 1 problem");
    }

    [Fact]
    public void DirectoryInsteadOfFile_NamesTheFileInside() =>
        Should.Throw<ServiceDescriptorException>(() => ServiceDescriptorReader.Read(_text.Directory))
            .Problems.ShouldHaveSingleItem().Message.ShouldBe($"{_text.Directory} is a directory; give the descriptor file itself, e.g. {Path.Combine(_text.Directory, "idp.yaml")}.");
}
