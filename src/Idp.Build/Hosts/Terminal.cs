namespace Idp.Build;

/// <summary>A developer's terminal (or any unrecognised environment).</summary>
public sealed class Terminal : Host
{
    private readonly bool _outputIsTerminal;

    internal Terminal(IReadOnlyDictionary<string, string> environment, bool outputIsTerminal = false)
        : base(environment) => _outputIsTerminal = outputIsTerminal;

    public override string Name => "Terminal";
    public override CiVariables Ci => CiVariables.None;
    public override bool IsServerBuild => false;
    public override bool SupportsColor => _outputIsTerminal && Variable("NO_COLOR") is null;
}
