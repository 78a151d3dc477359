using System.Text.RegularExpressions;

namespace Idp.Build.Components.Descriptor;

// The value rules of idp.yaml. Each check returns null for a valid value, or what is wrong and what would be
// valid; idp.schema.json states the same rules for editors, and a test keeps the two in agreement.
internal static partial class DescriptorRules
{
    public static string? DnsLabel(string value)
    {
        if (value.Length is >= 1 and <= 63 && DnsLabelPattern().IsMatch(value))
            return null;
        var hint = value.Length > 0 && DnsLabelPattern().IsMatch(value.ToLowerInvariant()) ? $" Did you mean '{value.ToLowerInvariant()}'?" : "";
        return $"'{value}' is not a valid name (a DNS-1123 label): use 1–63 lowercase letters, digits and '-', " +
            $"starting with a letter and ending with a letter or digit, e.g. 'hello-service'.{hint}";
    }

    public static string? DnsSubdomain(string value)
    {
        if (value.Length <= 253 && value.Split('.').All(l => l.Length is >= 1 and <= 63 && DnsSubdomainLabelPattern().IsMatch(l)))
            return null;
        return $"'{value}' is not a valid host name: use lowercase dot-separated labels of letters, digits and '-' " +
            "(each 1–63 characters, starting and ending with a letter or digit), e.g. 'hello-dev.apps.example.com'.";
    }

    public static string? EnvironmentVariableName(string value) =>
        EnvironmentVariablePattern().IsMatch(value) ? null :
        $"'{value}' is not a valid environment variable name: use letters, digits and '_', not starting with a digit, " +
        "e.g. 'ConnectionStrings__Db' ('__' stands for ':' in ASP.NET Core configuration).";

    public static string? Framework(string value) =>
        FrameworkPattern().IsMatch(value) ? null :
        $"'{value}' is not a target framework moniker of the form netX.Y: use the <TargetFramework> of the shipped project, e.g. 'net10.0'.";

    public static string? UrlPath(string value) =>
        value.StartsWith('/') && !value.Any(char.IsWhiteSpace) ? null :
        $"'{value}' is not an HTTP path: it must start with '/' and contain no spaces, e.g. '/health'.";

    public static string? RelativePath(string value)
    {
        if (value.Length == 0)
            return "The path is empty: give a path relative to the directory of idp.yaml, e.g. 'src/HelloService/HelloService.csproj'.";
        if (value.Contains('\\'))
            return $"'{value}' uses '\\': write paths with '/' so the descriptor works on Linux CI runners too, e.g. '{value.Replace('\\', '/')}'.";
        if (value.StartsWith('/') || Path.IsPathRooted(value) || DriveLetterPattern().IsMatch(value))
            return $"'{value}' is an absolute path: give it relative to the directory of idp.yaml, so the repository works wherever it is cloned.";
        return null;
    }

    public static string? ImageRepository(string value)
    {
        if (value.Length <= 255 && ImageRepositoryPattern().IsMatch(value))
            return null;
        var hint = value.Contains(':') || value.Contains('@')
            ? " Leave out the registry host, tag and digest: the build adds the registry and pushes by digest."
            : "";
        return $"'{value}' is not a registry repository path: use lowercase '/'-separated segments of letters and digits, " +
            $"joined inside a segment by '.', '_', '__' or '-', e.g. 'payments/hello-service'.{hint}";
    }

    public static string? VaultPath(string value) =>
        value.Length > 0 && !value.StartsWith('/') && !value.EndsWith('/') && !value.Contains("//") && !value.Any(char.IsWhiteSpace) ? null :
        $"'{value}' is not a Vault secret path: give the API path without a leading '/' or spaces, " +
        "e.g. 'secret/data/payments/hello/db' for a KV v2 secret 'payments/hello/db' on the mount 'secret'.";

    public static string? NonEmpty(string value) =>
        value.Trim().Length > 0 ? null : "The value is empty: give a non-empty value.";

    public static string? DockerTarget(string value) =>
        DockerTargetPattern().IsMatch(value) ? null :
        $"'{value}' is not a Dockerfile stage name: use the name after 'AS' in a 'FROM … AS <name>' line (letters, digits, '.', '_', '-'), e.g. 'runtime'.";

    public static string? LabelKey(string value) =>
        LabelKeyPattern().IsMatch(value) ? null :
        $"'{value}' is not a label key: use letters, digits, '.', '-', '_' and '/', starting with a letter or digit, e.g. 'org.opencontainers.image.vendor'.";

    public static string? BuildSecretName(string value) =>
        BuildSecretNamePattern().IsMatch(value) ? null :
        $"'{value}' is not a build secret name: use letters, digits, '_' and '-', starting with a letter, e.g. 'registryPassword'.";

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsSubdomainLabelPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariablePattern();

    [GeneratedRegex(@"^net[0-9]+\.[0-9]+$")]
    private static partial Regex FrameworkPattern();

    [GeneratedRegex("^[A-Za-z]:")]
    private static partial Regex DriveLetterPattern();

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex ImageRepositoryPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex DockerTargetPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$")]
    private static partial Regex LabelKeyPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex BuildSecretNamePattern();
}
