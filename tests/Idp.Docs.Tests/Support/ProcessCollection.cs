namespace Idp.Docs.Tests;

/// <summary>
/// Doc tests that start builds and dotnet commands run one after the other: two bootstrappers building the same
/// build project at once would fight over its output, and the machine is shared.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "Commands that start processes";
}
