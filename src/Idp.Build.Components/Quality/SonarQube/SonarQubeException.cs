using System.Net;

namespace Idp.Build.Components.Quality.SonarQube;

/// <summary>
/// The SonarQube flow failed: the server refused or failed a request, the analysis task failed or did not finish in
/// time, or the scanner's output is missing. The message says what failed, with which input, and what to do; it
/// never contains the token.
/// </summary>
public sealed class SonarQubeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="statusCode">The HTTP status SonarQube answered with, when a request failed.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SonarQubeException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status SonarQube answered with; null when no answer was involved.</summary>
    public HttpStatusCode? StatusCode { get; }
}
