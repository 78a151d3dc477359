namespace Idp.Docs.Tests.Coverage;

/// <summary>A command of the docs too heavy for a doc test, and the existing tests that run it (or its parts).</summary>
/// <param name="Command">The command, as the docs write it.</param>
/// <param name="Tests">Test methods as <c>Namespace.Class.Method</c>, each of which must exist and be a [Fact] or [Theory].</param>
/// <param name="How">What those tests run, for the reviewer: where they differ from the command, say so.</param>
public sealed record MappedCommand(string Command, IReadOnlyList<string> Tests, string How);
