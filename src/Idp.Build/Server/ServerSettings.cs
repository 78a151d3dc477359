using System.Globalization;

namespace Idp.Build.Server;

/// <summary>
/// What build.sh tells the build server when it starts it, through the server process's environment: where to
/// write the server file, the fingerprint of the build it serves, and how long to wait idle before it exits.
/// </summary>
internal sealed record ServerSettings(string ServerFile, string Fingerprint, TimeSpan IdleTimeout)
{
    public const string ServerFileVariable = "IDP_BUILD_SERVER_FILE";
    public const string FingerprintVariable = "IDP_BUILD_SERVER_FINGERPRINT";
    public const string IdleMinutesVariable = "IDP_BUILD_SERVER_IDLE_MINUTES";

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The settings when this process was started as a build server; null for an ordinary run.</summary>
    public static ServerSettings? FromProcess()
    {
        if (Environment.GetEnvironmentVariable(ServerFileVariable) is not { Length: > 0 } file)
            return null;
        var idle = double.TryParse(Environment.GetEnvironmentVariable(IdleMinutesVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : DefaultIdleTimeout;
        return new ServerSettings(Path.GetFullPath(file), Environment.GetEnvironmentVariable(FingerprintVariable) ?? "", idle);
    }
}
