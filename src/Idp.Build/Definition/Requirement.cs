using System.Linq.Expressions;

namespace Idp.Build.Definition;

/// <summary>Something that must hold before the first target runs: a parameter with a value, or an assertion.</summary>
internal abstract record Requirement
{
    /// <summary>A parameter member that must have a non-empty value.</summary>
    public sealed record Parameter(LambdaExpression Member) : Requirement;

    /// <summary>A boolean assertion.</summary>
    public sealed record Assertion(Condition Condition) : Requirement;
}
