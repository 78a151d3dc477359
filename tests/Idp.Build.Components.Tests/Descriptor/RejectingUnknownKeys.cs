namespace Idp.Build.Components.Tests.Descriptor;

public sealed class RejectingUnknownKeys : IDisposable
{
    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void MisspelledKey_IsReportedAtTheKeyWithTheClosestKnownOne()
    {
        var problem = _text.Problem("""
            apiVersion: idp.build/v1
            service:
              name: hello-service
              team: payments
              helthPath: /health
            environments: { local: {} }
            """);

        problem.ShouldBeAt(5, 3, "service.helthPath", "Unknown key 'helthPath'. Did you mean 'healthPath'?");
        problem.Message.ShouldContain("Valid keys here: name, team, language, framework, project, port, healthPath, readinessPath.");
    }

    [Fact]
    public void SwappedLetters_StillFindTheIntendedKey() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev: { namesapce: payments-dev, namespace: payments-dev }
            """).ShouldBeAt(4, 10, "environments.dev.namesapce", "Did you mean 'namespace'?");

    [Fact]
    public void UnknownTopLevelSection_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            enviroments: { local: {} }
            environments: { local: {} }
            """).ShouldBeAt(3, 1, "enviroments", "Unknown key 'enviroments'. Did you mean 'environments'?");

    [Fact]
    public void KeyFarFromAnyKnownOne_ListsTheValidKeysWithoutGuessing()
    {
        var problem = _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            quality: { sonarProjectKey: hello }
            environments: { local: {} }
            """);

        problem.ShouldBeAt(3, 12, "quality.sonarProjectKey", "Unknown key 'sonarProjectKey'. Valid keys here: coverage, failOn, baseline.");
        problem.Message.ShouldNotContain("Did you mean");
    }

    [Fact]
    public void ClusterKeyInLocal_SaysLocalRunsOnThisMachine() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              local:
                namespace: payments-local
            """).ShouldBeAt(5, 5, "environments.local.namespace", "'namespace' does not apply to 'local', which runs the service on this machine");

    [Fact]
    public void SecretsFileOutsideLocal_SaysItIsForLocalOnly() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secretsFile: .idp/dev.env
            """).ShouldBeAt(6, 5, "environments.dev.secretsFile", "'secretsFile' applies to 'local' only");

    [Fact]
    public void UnknownKeyInASecretValue_IsReportedWithItsListIndex() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets:
                  role: hello-service
                  values:
                    - { name: A, path: secret/data/a, key: a }
                    - { name: B, path: secret/data/b, kye: b, key: b }
            """).ShouldBeAt(10, 43, "environments.dev.secrets.values[1].kye", "Did you mean 'key'?");
}
