using System.Security.Cryptography;
using System.Text;
using Idp.Build.Components.Image;

namespace Idp.Build.Components.Platform;

/// <summary>
/// Everything of the platform's base image besides the runtime's own files: its Dockerfile, its users and name lookup,
/// and the CA certificates this machine trusts. Its <see cref="Fingerprint"/> is part of the image's exact tag, so a
/// change to any of them (a newer Idp.Build.Components, a bank CA added to the machine) builds the image again.
/// </summary>
public sealed class BaseImageRecipe
{
    /// <summary>The user the image runs as: not root, and the same number as Microsoft's images use, so volume permissions carry over.</summary>
    public const int AppUserId = 1654;

    /// <summary>Where the image keeps its CA certificates, and where Debian keeps the machine's.</summary>
    public const string CaBundlePath = "/etc/ssl/certs/ca-certificates.crt";

    private string? _fingerprint;

    private BaseImageRecipe(string runtimeVersion, string? caBundle)
    {
        RuntimeVersion = runtimeVersion;
        CaBundle = caBundle;
    }

    /// <summary>The runtime version the image carries, e.g. <c>10.0.3</c>.</summary>
    public string RuntimeVersion { get; }

    /// <summary>
    /// The machine's PEM bundle the image trusts, copied to <see cref="CaBundlePath"/>: <c>SSL_CERT_FILE</c>'s, which
    /// this machine's own TLS trusts, else the system's; null when there is none.
    /// </summary>
    public string? CaBundle { get; }

    /// <summary>The recipe for the runtime this build runs on and the CA certificates this machine trusts.</summary>
    /// <exception cref="BuildException"><c>SSL_CERT_FILE</c> names a file that does not exist.</exception>
    public static BaseImageRecipe OfThisMachine()
    {
        var runtime = SharedRuntime.Directory.Name;
        if (Environment.GetEnvironmentVariable("SSL_CERT_FILE") is not { Length: > 0 } configured)
            return new BaseImageRecipe(runtime, File.Exists(CaBundlePath) ? CaBundlePath : null);
        // An image without the certificates the developer meant would fail only later, at its first TLS call.
        return File.Exists(configured) ? new BaseImageRecipe(runtime, configured) : throw new BuildException(
            $"SSL_CERT_FILE is {configured}, which does not exist. The platform's base image takes its CA certificates from there: point it at a PEM bundle, or unset it to take {CaBundlePath}.");
    }

    /// <summary>The small files the recipe writes into the image, by their path there.</summary>
    public IReadOnlyList<(string Path, string Text)> Files =>
    [
        ("etc/passwd", $"root:x:0:0:root:/root:/sbin/nologin\napp:x:{AppUserId}:{AppUserId}:app:/home/app:/sbin/nologin\n"),
        ("etc/group", $"root:x:0:\napp:x:{AppUserId}:\n"),
        ("etc/nsswitch.conf", "hosts: files dns\n"),
    ];

    /// <summary>The Dockerfile, which copies <c>rootfs/</c> of the build context into an empty image.</summary>
    public string Dockerfile
    {
        get
        {
            // Every image built FROM this one inherits its labels. Title and version each service image sets anew; a
            // description would stay and call every service "the ASP.NET Core runtime".
            var labels = new Dictionary<string, string>
            {
                ["org.opencontainers.image.title"] = "idp dotnet-aspnet",
                ["org.opencontainers.image.version"] = RuntimeVersion,
            };
            return LabelInstruction.AddTo(string.Join('\n',
                "FROM scratch",
                "COPY rootfs/ /",
                "ENV PATH=/usr/share/dotnet:/usr/bin:/bin \\",
                "    DOTNET_ROOT=/usr/share/dotnet \\",
                "    LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib/aarch64-linux-gnu:/usr/lib/aarch64-linux-gnu \\",
                "    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \\",
                "    DOTNET_LTTng=0 \\",
                "    ASPNETCORE_HTTP_PORTS=8080 \\",
                $"    SSL_CERT_FILE={CaBundlePath}",
                $"USER {AppUserId}:{AppUserId}",
                "WORKDIR /app",
                ""), target: null, labels);
        }
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the Dockerfile, the files and the CA bundle; read once.</summary>
    public string Fingerprint => _fingerprint ??= ComputeFingerprint();

    private string ComputeFingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder(Dockerfile);
        foreach (var (path, content) in Files)
            text.Append('\0').Append(path).Append('\0').Append(content);
        hash.AppendData(Encoding.UTF8.GetBytes(text.Append('\0').ToString()));
        if (CaBundle is not null)
            hash.AppendData(File.ReadAllBytes(CaBundle));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
