namespace Idp.Build.Components.Registry;

/// <summary>The registry refused or failed a request; the message says what, where, and what to do.</summary>
public class RegistryException(string message, int? statusCode = null) : Exception(message)
{
    /// <summary>The HTTP status, when the registry answered.</summary>
    public int? StatusCode { get; } = statusCode;
}

/// <summary>The registry refused the credentials (401) or the user's rights (403); retrying cannot help.</summary>
public sealed class RegistryAuthenticationException(string message, int statusCode) : RegistryException(message, statusCode);
