namespace Idp.Build.Components.Tests.Descriptor;

public sealed class RejectingWrongTypes : IDisposable
{
    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void TextWhereANumberBelongs_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                replicas: two
            """).ShouldBeAt(6, 15, "environments.dev.replicas", "Expected a whole number from 0 to 50, but found the text 'two'.");

    [Fact]
    public void QuotedNumber_IsTextNotANumber() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments, port: "8080" }
            environments: { local: {} }
            """).ShouldBeAt(2, 55, "service.port", "Expected a whole number from 1 to 65535, but found the text '8080'.");

    [Fact]
    public void NumberWhereTextBelongs_SuggestsQuoting() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            image: { target: 2 }
            environments: { local: {} }
            """).ShouldBeAt(3, 18, "image.target", "Expected text, but found the number 2. If you mean the text, quote it: '\"2\"'.");

    [Fact]
    public void FractionWhereAWholeNumberBelongs_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              local: { replicas: 1.5 }
            """).ShouldBeAt(4, 22, "environments.local.replicas", "Expected a whole number from 0 to 50, but found the number 1.5.");

    [Fact]
    public void TextWhereABooleanBelongs_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              live: { namespace: payments-live, production: yes }
            """).ShouldBeAt(4, 49, "environments.live.production", "Expected true or false, but found the text 'yes'.");

    [Fact]
    public void ListWhereAMappingBelongs_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service:
              - hello-service
            environments: { local: {} }
            """).ShouldBeAt(3, 3, "service", "Expected a mapping with the keys name, team, language, framework, project, port, healthPath, readinessPath, but found a list.");

    [Fact]
    public void MappingWhereAListBelongs_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets:
                  role: hello-service
                  values: { name: A, path: secret/data/a, key: a }
            """).ShouldBeAt(8, 15, "environments.dev.secrets.values", "Expected a list of secrets");

    [Fact]
    public void CoverageAsPercentText_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            quality: { coverage: 80% }
            environments: { local: {} }
            """).ShouldBeAt(3, 22, "quality.coverage", "Expected a number from 0 to 100, but found the text '80%'.");

    [Fact]
    public void VariableWithoutAValue_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              local:
                variables:
                  FEATURE_X:
            """).ShouldBeAt(6, 17, "environments.local.variables.FEATURE_X", "Expected a value (text, a number or true/false; write \"\" for empty text)");
}
