namespace Idp.Build.Components.Tests.Secrets;

/// <summary>A clock that moves only when a test says so; shared by the fake Vault (token expiry) and the client (renewal).</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
