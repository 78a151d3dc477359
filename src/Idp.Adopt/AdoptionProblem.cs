namespace Idp.Adopt;

/// <summary>The repository cannot be adopted as it is; the message says what was found and what to do. Nothing is written.</summary>
public sealed class AdoptionProblem(string message) : Exception(message);
