using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Tests.Descriptor;

public sealed class ReadingValidDescriptors : IDisposable
{
    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void FullExample_IsReadWithEveryValue()
    {
        var descriptor = _text.Parse(DocumentationExamples.Full);

        descriptor.ApiVersion.ShouldBe("idp.build/v1");
        descriptor.Service.ShouldBe(new ServiceInfo("hello-service", "payments", "csharp", "net10.0",
            "src/HelloService/HelloService.csproj", 8080, "/health", "/health/ready"));
        descriptor.Quality.ShouldBe(new QualitySettings(80, IssueSeverity.Warning, ".idp/quality-baseline.json"));
        descriptor.Image.Repository.ShouldBe("payments/hello-service");
        descriptor.Image.Dockerfile.ShouldBe("Dockerfile");
        descriptor.Image.Target.ShouldBe("runtime");
        descriptor.Image.BuildArgs.ShouldBe(new Dictionary<string, string> { ["DOTNET_VERSION"] = "10.0" });
        descriptor.Image.Labels.ShouldBe(new Dictionary<string, string> { ["org.opencontainers.image.vendor"] = "payments" });
        descriptor.Deploy.Timeout.ShouldBe(TimeSpan.FromMinutes(5));
        descriptor.BuildSecrets.ShouldBe(new Dictionary<string, VaultSecretReference>
        {
            ["registryPassword"] = new("secret/data/ci/nexus", "password"),
        });
        descriptor.Environments.Select(e => e.Name).ShouldBe(["local", "dev", "prod"]);
        descriptor.SourceFile.ShouldBe((AbsolutePath)_text.FileName);
    }

    [Fact]
    public void FullExample_ReadsEachEnvironment()
    {
        var descriptor = _text.Parse(DocumentationExamples.Full);

        var local = descriptor.GetEnvironment("local");
        local.IsLocal.ShouldBeTrue();
        local.Namespace.ShouldBeNull();
        local.SecretsFile.ShouldBe(".idp/local-secrets.env");
        local.Variables["ASPNETCORE_ENVIRONMENT"].ShouldBe("Development");

        var dev = descriptor.GetEnvironment("dev");
        dev.Namespace.ShouldBe("payments-dev");
        dev.Replicas.ShouldBe(2);
        dev.Route.ShouldBe(new RouteSettings("hello-dev.apps.example.com", RouteTls.Edge));
        dev.Resources.ShouldBe(new ResourceSettings(new ResourceQuantities("100m", "128Mi"), new ResourceQuantities("500m", "256Mi")));
        dev.Secrets.Mode.ShouldBe(SecretMode.Agent);
        dev.Secrets.Role.ShouldBe("hello-service");
        dev.Secrets.Values.ShouldBe([new SecretValue("ConnectionStrings__Db", "secret/data/payments/hello/db", "password")]);
        dev.IsProduction.ShouldBeFalse();

        var prod = descriptor.GetEnvironment("prod");
        prod.IsProduction.ShouldBeTrue();
        prod.Secrets.Mode.ShouldBe(SecretMode.Kubernetes);
        prod.Resources.Limits.Cpu.ShouldBe("1");
    }

    [Fact]
    public void MinimalDescriptor_GetsTheGoldenPathDefaults()
    {
        var descriptor = _text.Parse("""
            apiVersion: idp.build/v1
            service:
              name: hello-service
              team: payments
            environments:
              local: {}
            """);

        descriptor.Service.ShouldBe(new ServiceInfo("hello-service", "payments", "csharp", "net10.0", null, 8080, "/health", "/health"));
        descriptor.Quality.ShouldBe(QualitySettings.Default);
        descriptor.Image.Repository.ShouldBe("payments/hello-service");
        descriptor.Image.Dockerfile.ShouldBe("Dockerfile");
        descriptor.Image.Target.ShouldBeNull();
        descriptor.Image.BuildArgs.ShouldBeEmpty();
        descriptor.Deploy.Timeout.ShouldBe(TimeSpan.FromMinutes(5));
        descriptor.BuildSecrets.ShouldBeEmpty();
        var local = descriptor.Environments.ShouldHaveSingleItem();
        local.ShouldBe(local with
        {
            Name = "local",
            Replicas = 1,
            Route = null,
            Resources = ResourceSettings.None,
            Secrets = SecretSettings.None,
            SecretsFile = null,
            IsProduction = false,
        });
        local.Variables.ShouldBeEmpty();
    }

    [Fact]
    public void BareLocalKey_IsALocalEnvironmentWithDefaults()
    {
        var descriptor = _text.Parse("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              local:
            """);

        descriptor.GetEnvironment("local").Replicas.ShouldBe(1);
    }

    [Theory]
    [InlineData("production", true)]
    [InlineData("prod", true)]
    [InlineData("staging", false)]
    public void Production_DefaultsFromTheEnvironmentName(string name, bool production)
    {
        var descriptor = _text.Parse($$"""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              {{name}}: { namespace: payments-{{name}} }
            """);

        descriptor.GetEnvironment(name).IsProduction.ShouldBe(production);
    }

    [Fact]
    public void Production_GivenExplicitly_WinsOverTheName()
    {
        var descriptor = _text.Parse("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              prod: { namespace: payments-prod, production: false }
              live: { namespace: payments-live, production: true }
            """);

        descriptor.GetEnvironment("prod").IsProduction.ShouldBeFalse();
        descriptor.GetEnvironment("live").IsProduction.ShouldBeTrue();
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m30s", 150)]
    public void Durations_AreReadInHoursMinutesAndSeconds(string text, int seconds)
    {
        var descriptor = _text.Parse($$"""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            deploy: { timeout: {{text}} }
            environments: { local: {} }
            """);

        descriptor.Deploy.Timeout.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void MergeKeys_ShareSettingsAndLetTheEnvironmentOverrideThem()
    {
        var descriptor = _text.Parse("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              dev: &cluster
                namespace: payments-dev
                replicas: 2
                resources: { limits: { cpu: 500m, memory: 256Mi } }
              test:
                <<: *cluster
                namespace: payments-test
            """);

        var test = descriptor.GetEnvironment("test");
        test.Namespace.ShouldBe("payments-test");
        test.Replicas.ShouldBe(2);
        test.Resources.Limits.Memory.ShouldBe("256Mi");
    }

    [Fact]
    public void QuotedNumbers_AreTextWhereTextBelongs()
    {
        var descriptor = _text.Parse("""
            apiVersion: idp.build/v1
            service: { name: hello-service, team: payments }
            environments:
              local:
                variables: { RETRIES: 3, FEATURE_X: true, VERSION: "1.0" }
            """);

        descriptor.GetEnvironment("local").Variables.ShouldBe(new Dictionary<string, string>
        {
            ["RETRIES"] = "3",
            ["FEATURE_X"] = "true",
            ["VERSION"] = "1.0",
        });
    }

    [Fact]
    public void Read_ReadsTheFileFromDisk()
    {
        File.WriteAllText(_text.FileName, DocumentationExamples.Full);

        ServiceDescriptorReader.Read(_text.FileName).Service.Name.ShouldBe("hello-service");
    }

    [Fact]
    public void GetEnvironment_WithAnUnknownName_NamesTheKnownOnesAndTheClosest()
    {
        var descriptor = _text.Parse(DocumentationExamples.Full);

        var error = Should.Throw<BuildException>(() => descriptor.GetEnvironment("prd"));

        error.Message.ShouldContain("has no environment 'prd'. Did you mean 'prod'?");
        error.Message.ShouldContain("Its environments are: local, dev, prod.");
    }
}
