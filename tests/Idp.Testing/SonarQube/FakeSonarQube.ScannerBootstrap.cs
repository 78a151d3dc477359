using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.SonarQube;

// What SonarScanner for .NET 12's 'begin' step reads before it succeeds (found by running it against this fake and
// reading the requests it made): settings, languages, quality profiles, the profile's rules, the JRE list and the
// scanner engine. The fake has no rules, so begin configures no analyzers. The engine it hands out is a placeholder,
// not SonarSource's Java engine: 'begin' only downloads and caches it; 'end' would run it and fails there.
public sealed partial class FakeSonarQube
{
    /// <summary>The bytes served as the scanner engine: not a runnable jar, so an 'end' step stops where it would start the engine.</summary>
    public static readonly byte[] PlaceholderEngine = Encoding.ASCII.GetBytes("fake-sonarqube: placeholder, not a scanner engine\n");

    private static readonly string PlaceholderEngineSha256 = Convert.ToHexStringLower(SHA256.HashData(PlaceholderEngine));

    private Answer? ScannerBootstrap(HttpRequest request, string path) => path switch
    {
        "/api/settings/values" => Answer.JsonOf(200, new { settings = Array.Empty<object>() }),
        "/api/languages/list" => Answer.JsonOf(200, new { languages = new[] { new { key = "cs", name = "C#" } } }),
        "/api/qualityprofiles/search" => Answer.JsonOf(200, new
        {
            profiles = new[] { new { key = "fake-cs-sonar-way", name = "Sonar way", language = "cs", languageName = "C#", isDefault = true } },
        }),
        "/api/rules/search" => Answer.JsonOf(200, new
        {
            total = 0,
            p = 1,
            ps = 500,
            paging = new { pageIndex = 1, pageSize = 500, total = 0 },
            rules = Array.Empty<object>(),
            actives = new { },
        }),
        // No JRE to provision: the scanner uses the local Java.
        "/api/v2/analysis/jres" => Answer.JsonOf(200, Array.Empty<object>()),
        "/api/v2/analysis/engine" when request.Headers.Accept.ToString().Contains("application/octet-stream", StringComparison.Ordinal)
            => new Answer(200, PlaceholderEngine, "application/octet-stream"),
        "/api/v2/analysis/engine" => Answer.JsonOf(200, new { filename = "fake-sonarqube-scanner-engine.jar", sha256 = PlaceholderEngineSha256 }),
        _ => null,
    };
}
