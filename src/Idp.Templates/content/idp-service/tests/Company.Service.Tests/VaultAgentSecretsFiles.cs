using Microsoft.Extensions.Configuration;

namespace Company.Service.Tests;

public sealed class VaultAgentSecretsFiles : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("secrets-").FullName;

    [Fact]
    public void A_secret_file_becomes_the_configuration_value_named_after_it()
    {
        File.WriteAllText(Path.Combine(directory, "ConnectionStrings__Db"), "Host=db;Password=s3cret");

        var configuration = new ConfigurationBuilder().AddVaultAgentSecrets(directory).Build();

        Assert.Equal("Host=db;Password=s3cret", configuration.GetConnectionString("Db"));
    }

    [Fact]
    public void Without_a_secrets_directory_nothing_is_added()
    {
        var configuration = new ConfigurationBuilder().AddVaultAgentSecrets(null).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
