namespace Idp.Dora.Storage;

/// <summary>A metrics window <c>[From, To)</c> (rule R2), optionally narrowed to one service and/or team.</summary>
public sealed record DoraFilter(DateTimeOffset From, DateTimeOffset To, string? Service = null, string? Team = null)
{
    internal long FromMs => From.ToUnixTimeMilliseconds();

    internal long ToMs => To.ToUnixTimeMilliseconds();
}
