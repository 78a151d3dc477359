namespace Idp.Dora.Events;

/// <summary>One invalid field: its JSON path (<c>$[2].context.timestamp</c>) and what is wrong with it.</summary>
public sealed record ValidationError(string Path, string Message);
