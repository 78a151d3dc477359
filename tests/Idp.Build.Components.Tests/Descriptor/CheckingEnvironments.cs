namespace Idp.Build.Components.Tests.Descriptor;

public sealed class CheckingEnvironments : IDisposable
{
    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void ClusterEnvironmentWithoutNamespace_IsReportedAtItsNameWithAnExample() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                replicas: 2
            """).ShouldBeAt(4, 3, "environments.dev.namespace", "'namespace' is missing. Add it, e.g. 'namespace: payments-dev'.");

    [Fact]
    public void NoEnvironments_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments: {}
            """).ShouldBeAt(3, 15, "environments", "Expected a mapping of at least one environment name to its settings");

    [Fact]
    public void MissingEnvironments_IsReportedAtTheDocument() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            """).ShouldBeAt(1, 1, "environments", "'environments' is missing (at least one environment is needed)");

    [Fact]
    public void InvalidEnvironmentName_IsReportedAtTheName() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              Dev_1: { namespace: payments-dev }
            """).ShouldBeAt(4, 3, "environments.Dev_1", "'Dev_1' is not a valid name (a DNS-1123 label)");

    [Fact]
    public void SecretValuesWithoutRole_AskForTheVaultRole() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets:
                  values:
                    - { name: Db, path: secret/data/payments/db, key: password }
            """).ShouldBeAt(6, 5, "environments.dev.secrets.role", "'role' is missing (the Vault role that may read these secrets is needed when 'values' are given)");

    [Fact]
    public void SecretValueWithoutKey_IsReportedAtTheListItem() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets:
                  role: hello-service
                  values:
                    - name: Db
                      path: secret/data/payments/db
            """).ShouldBeAt(9, 11, "environments.dev.secrets.values[0].key", "'key' is missing. Add it, e.g. 'key: password'.");

    [Theory]
    [InlineData("name: Connection-String", "name", 19, "is not a valid environment variable name")]
    [InlineData("path: /secret/data/db", "path", 29, "is not a Vault secret path")]
    [InlineData("key: ''", "key", 50, "The value is empty")]
    public void InvalidSecretValue_IsRejected(string field, string key, int column, string message)
    {
        var values = new Dictionary<string, string> { ["name"] = "name: Db", ["path"] = "path: secret/data/db", ["key"] = "key: password" };
        values[key] = field;
        _text.Problem($$"""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets:
                  role: hello-service
                  values:
                    - { {{values["name"]}}, {{values["path"]}}, {{values["key"]}} }
            """).ShouldBeAt(9, column, $"environments.dev.secrets.values[0].{key}", message);
    }

    [Fact]
    public void SameSecretTwice_IsReportedAtTheSecondWithTheFirstLine() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets:
                  role: hello-service
                  values:
                    - { name: Db, path: secret/data/a, key: a }
                    - { name: Db, path: secret/data/b, key: b }
            """).ShouldBeAt(10, 19, "environments.dev.secrets.values[1].name", "'Db' is already set by the secret on line 9");

    [Fact]
    public void SecretAlsoSetAsVariable_IsReportedAtTheVariable() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                variables:
                  Db: plain
                secrets:
                  role: hello-service
                  values:
                    - { name: Db, path: secret/data/a, key: a }
            """).ShouldBeAt(7, 7, "environments.dev.variables.Db", "'Db' is set both here and as a secret under 'secrets.values'");

    [Fact]
    public void RouteWithoutHost_IsRejected() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                route: { tls: edge }
            """).ShouldBeAt(6, 5, "environments.dev.route.host", "'host' is missing. Add it, e.g. 'host: hello-dev.apps.example.com'.");

    [Fact]
    public void UnknownSecretMode_ListsTheModes() =>
        _text.Problem("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev:
                namespace: payments-dev
                secrets: { mode: injector }
            """).ShouldBeAt(6, 22, "environments.dev.secrets.mode", "Expected one of agent, kubernetes.");
}
