namespace Idp.Build.Components.Registry;

/// <summary>A registry user and password (or token).</summary>
public sealed record RegistryCredentials(string Username, string Password)
{
    /// <summary>Never prints the password, whatever logs the record.</summary>
    public override string ToString() => $"{Username} / ***";
}
