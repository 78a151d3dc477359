namespace Idp.Build;

/// <summary>A developer's terminal (or any unrecognised environment).</summary>
public sealed class Terminal : Host
{
    internal Terminal(IReadOnlyDictionary<string, string> environment)
        : base(environment)
    {
    }

    public override string Name => "Terminal";
    public override CiVariables Ci => CiVariables.None;
    public override bool IsServerBuild => false;
    public override bool SupportsColor => !Console.IsOutputRedirected && Variable("NO_COLOR") is null;
}
