namespace Idp.Build;

/// <summary>
/// An error in how the build was invoked or declared (unknown target, bad parameter value, cycle, missing
/// requirement). Its message is one paragraph written for the person who has to fix it; it is printed
/// without a stack trace and the build exits with code 2.
/// </summary>
public sealed class BuildException(string message) : Exception(message);
