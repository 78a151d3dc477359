using System.Linq.Expressions;

namespace Idp.Build.Definition;

/// <summary>Records what a target's definition chain says; <see cref="Discovery.TargetFactory"/> turns it into a plan node.</summary>
internal sealed partial class TargetDefinition(IBuild build, string name) : ITargetDefinition
{
    public IBuild Build { get; } = build;
    public string Name { get; } = name;
    public string? DescriptionText { get; private set; }
    public bool IsListed { get; private set; } = true;
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public DependencyBehavior SkipBehavior { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public List<Func<Task>> Actions { get; } = [];
    public List<string> InputGlobs { get; } = [];
    public List<string> OutputGlobs { get; } = [];

    public ITargetDefinition Description(string description) => Do(() => DescriptionText = description);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? text = null) =>
        Do(() => StaticConditions.Add(new Condition(condition, Condition.Describe(text))));

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? text = null) =>
        Do(() => DynamicConditions.Add(new Condition(condition, Condition.Describe(text))));

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) => Do(() => SkipBehavior = behavior);

    public ITargetDefinition Requires<T>(Expression<Func<T?>> parameter) where T : class =>
        Do(() => Requirements.Add(new Requirement.Parameter(parameter)));

    public ITargetDefinition Requires<T>(Expression<Func<T?>> parameter) where T : struct =>
        Do(() => Requirements.Add(new Requirement.Parameter(parameter)));

    public ITargetDefinition Requires(Func<bool> assertion, string? text = null) =>
        Do(() => Requirements.Add(new Requirement.Assertion(new Condition(assertion, Condition.Describe(text)))));

    public ITargetDefinition Executes(Action action) => Do(() => Actions.Add(() =>
    {
        action();
        return Task.CompletedTask;
    }));

    public ITargetDefinition Executes(Func<Task> action) => Do(() => Actions.Add(action));

    public ITargetDefinition ProceedAfterFailure() => Do(() => IsProceedAfterFailure = true);

    public ITargetDefinition AssuredAfterFailure() => Do(() => IsAssuredAfterFailure = true);

    public ITargetDefinition Unlisted() => Do(() => IsListed = false);

    public ITargetDefinition Inputs(params string[] globs) => Do(() => InputGlobs.AddRange(globs));

    public ITargetDefinition Outputs(params string[] globs) => Do(() => OutputGlobs.AddRange(globs));

    private TargetDefinition Do(Action record)
    {
        record();
        return this;
    }
}
