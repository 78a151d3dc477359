using System.Linq.Expressions;
using Idp.Build.Definition;
using Idp.Build.Planning;

namespace Idp.Build.Discovery;

/// <summary>
/// Runs every target's definition against a recording <see cref="TargetDefinition"/> and resolves the recorded
/// references into edges. A target is identified by the delegate its property returns: the property's
/// getter returns an equal delegate (same method, same target object) every time it is read. The delegates' own
/// equality says so without reflection; <see cref="Delegate.Method"/> would cost a native build a reverse lookup over
/// every compiled method, a quarter of its start.
/// </summary>
internal static class TargetFactory
{
    public static (IReadOnlyList<ExecutableTarget> Targets, Func<Target, ExecutableTarget?> Lookup) Create(IBuild build)
    {
        var properties = TargetScanner.Scan(build.GetType());
        var targets = new List<ExecutableTarget>(properties.Count);
        var definitions = new List<TargetDefinition>(properties.Count);
        var byDelegate = new Dictionary<Target, ExecutableTarget>(properties.Count);

        foreach (var (name, property) in properties)
        {
            var target = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition(build, name);
            target(definition);
            var executable = new ExecutableTarget(name, targets.Count)
            {
                Description = definition.DescriptionText,
                IsListed = definition.IsListed,
                ProceedAfterFailure = definition.IsProceedAfterFailure,
                AssuredAfterFailure = definition.IsAssuredAfterFailure,
                WhenSkipped = definition.SkipBehavior,
            };
            executable.StaticConditions.AddRange(definition.StaticConditions);
            executable.DynamicConditions.AddRange(definition.DynamicConditions);
            executable.Requirements.AddRange(definition.Requirements);
            executable.Actions.AddRange(definition.Actions);
            executable.Inputs.AddRange(definition.InputGlobs);
            executable.Outputs.AddRange(definition.OutputGlobs);
            byDelegate[target] = executable;
            targets.Add(executable);
            definitions.Add(definition);
        }

        for (var i = 0; i < targets.Count; i++)
            Connect(targets[i], definitions[i], byDelegate);
        return (targets, target => byDelegate.GetValueOrDefault(target));
    }

    public static ExecutableTarget Find<T>(IReadOnlyList<ExecutableTarget> targets, Expression<Func<T, Target>> selector)
    {
        var name = MemberNames.Of(selector);
        return targets.FirstOrDefault(t => t.Name == name)
            ?? throw new BuildException($"The default target '{name}' is not a target of {typeof(T).Name}.");
    }

    private static void Connect(ExecutableTarget target, TargetDefinition definition, Dictionary<Target, ExecutableTarget> byDelegate)
    {
        ExecutableTarget Resolve(Target reference) => byDelegate.TryGetValue(reference, out var found)
            ? found
            : throw new BuildException(
                $"Target '{target.Name}' refers to a target that is not a property of the build " +
                $"({reference.Method.DeclaringType?.Name}.{reference.Method.Name}). Refer to targets by their property, e.g. DependsOn(Compile).");

        foreach (var other in definition.DependsOnTargets.Select(Resolve))
            AddOnce(target.ExecutionDependencies, other);
        foreach (var other in definition.DependentForTargets.Select(Resolve))
            AddOnce(other.ExecutionDependencies, target);
        foreach (var other in definition.AfterTargets.Select(Resolve))
            AddOnce(target.OrderDependencies, other);
        foreach (var other in definition.BeforeTargets.Select(Resolve))
            AddOnce(other.OrderDependencies, target);
        foreach (var other in definition.TriggersTargets.Select(Resolve))
        {
            AddOnce(target.Triggers, other);
            AddOnce(other.TriggeredBy, target);
        }
        foreach (var other in definition.TriggeredByTargets.Select(Resolve))
        {
            AddOnce(other.Triggers, target);
            AddOnce(target.TriggeredBy, other);
        }
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
            list.Add(target);
    }
}
