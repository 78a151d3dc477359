using System.Net;

namespace Idp.Build.Components.Secrets;

/// <summary>Vault could not give what was asked for; the message names the input and says what to fix.</summary>
public class VaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VaultException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>Vault answered with an error status (named as in VaultSharp).</summary>
public sealed class VaultApiException : VaultException
{
    /// <summary>Creates the exception for one failed request.</summary>
    public VaultApiException(string message, HttpStatusCode httpStatusCode, IReadOnlyList<string> apiErrors)
        : base(message)
    {
        HttpStatusCode = httpStatusCode;
        ApiErrors = apiErrors;
    }

    /// <summary>The status Vault answered with.</summary>
    public HttpStatusCode HttpStatusCode { get; }

    /// <summary>The status as a number.</summary>
    public int StatusCode => (int)HttpStatusCode;

    /// <summary>Vault's <c>errors</c> array (empty for a plain 404).</summary>
    public IReadOnlyList<string> ApiErrors { get; }
}
