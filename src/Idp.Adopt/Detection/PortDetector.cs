using System.Text.Json;
using System.Text.RegularExpressions;

namespace Idp.Adopt.Detection;

/// <summary>
/// The port the service listens on in its container: Kestrel endpoints or <c>Urls</c> in appsettings.json,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>ASPNETCORE_URLS</c>/<c>EXPOSE</c> of a kept Dockerfile, <c>UseUrls(...)</c> in the code.
/// launchSettings.json is not read: it configures <c>dotnet run</c> on a laptop, never the container.
/// </summary>
public static partial class PortDetector
{
    /// <summary>The port, from the web project in <paramref name="projectDirectory"/> and the kept Dockerfile <paramref name="keptDockerfile"/> (null when none is kept).</summary>
    public static Finding<int> Detect(string projectDirectory, string? keptDockerfile)
    {
        return FromSettings(projectDirectory)
            ?? (keptDockerfile is null ? null : FromDockerfile(keptDockerfile))
            ?? FromCode(projectDirectory)
            ?? Finding<int>.Default(8080, "golden-path default (nothing in appsettings.json, the Dockerfile or UseUrls)");
    }

    private static Finding<int>? FromSettings(string projectDirectory)
    {
        var path = Path.Combine(projectDirectory, "appsettings.json");
        if (!File.Exists(path))
            return null;
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        if (Child(root, "Kestrel") is { } kestrel && Child(kestrel, "Endpoints") is { ValueKind: JsonValueKind.Object } endpoints)
        {
            foreach (var endpoint in endpoints.EnumerateObject())
            {
                if (Child(endpoint.Value, "Url") is { ValueKind: JsonValueKind.String } url && HttpPort(url.GetString()!) is { } port)
                    return new Finding<int>(port, $"appsettings.json Kestrel:Endpoints:{endpoint.Name}:Url");
            }
        }
        if (Child(root, "Urls") is { ValueKind: JsonValueKind.String } urls && HttpPort(urls.GetString()!) is { } fromUrls)
            return new Finding<int>(fromUrls, "appsettings.json Urls");
        return null;
    }

    private static Finding<int>? FromDockerfile(string dockerfile)
    {
        var text = File.ReadAllText(dockerfile);
        if (HttpPortsVariable().Match(text) is { Success: true } ports)
            return new Finding<int>(int.Parse(ports.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), "Dockerfile ASPNETCORE_HTTP_PORTS");
        if (UrlsVariable().Match(text) is { Success: true } urls && HttpPort(urls.Groups["urls"].Value) is { } port)
            return new Finding<int>(port, "Dockerfile ASPNETCORE_URLS");
        if (Expose().Match(text) is { Success: true } expose)
            return new Finding<int>(int.Parse(expose.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), "Dockerfile EXPOSE");
        return null;
    }

    private static Finding<int>? FromCode(string projectDirectory)
    {
        foreach (var file in SourceFiles.CSharp(projectDirectory))
        {
            if (UseUrls().Match(File.ReadAllText(file)) is { Success: true } match && HttpPort(match.Groups["urls"].Value) is { } port)
                return new Finding<int>(port, $"UseUrls in {Path.GetFileName(file)}");
        }
        return null;
    }

    private static int? HttpPort(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (HttpUrlPort().Match(url) is { Success: true } match && int.TryParse(match.Groups["port"].Value, out var port) && port is > 0 and <= 65535)
                return port;
        }
        return null;
    }

    private static JsonElement? Child(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }

    [GeneratedRegex(@"^http://[^/]+:(?<port>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex HttpUrlPort();

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS\s*=\s*""?(?<port>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex HttpPortsVariable();

    [GeneratedRegex(@"ASPNETCORE_URLS\s*=\s*""?(?<urls>[^""\s\\]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlsVariable();

    [GeneratedRegex(@"^\s*EXPOSE\s+(?<port>\d+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Expose();

    [GeneratedRegex(@"UseUrls\(\s*""(?<urls>[^""]+)""")]
    private static partial Regex UseUrls();
}
