namespace Idp.Build.Definition;

// The six relations, each in its plain, component (<T>) and loose (Try<T>) form.
internal sealed partial class TargetDefinition
{
    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>() where T : IBuild => Add(DependsOnTargets, SingleTargetOf<T>(required: true));
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependsOnTargets, Select(targets, required: true));
    public ITargetDefinition TryDependsOn<T>() where T : IBuild => Add(DependsOnTargets, SingleTargetOf<T>(required: false));
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependsOnTargets, Select(targets, required: false));

    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>() where T : IBuild => Add(DependentForTargets, SingleTargetOf<T>(required: true));
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependentForTargets, Select(targets, required: true));
    public ITargetDefinition TryDependentFor<T>() where T : IBuild => Add(DependentForTargets, SingleTargetOf<T>(required: false));
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) where T : IBuild => Add(DependentForTargets, Select(targets, required: false));

    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Before<T>() where T : IBuild => Add(BeforeTargets, SingleTargetOf<T>(required: true));
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) where T : IBuild => Add(BeforeTargets, Select(targets, required: true));
    public ITargetDefinition TryBefore<T>() where T : IBuild => Add(BeforeTargets, SingleTargetOf<T>(required: false));
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) where T : IBuild => Add(BeforeTargets, Select(targets, required: false));

    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After<T>() where T : IBuild => Add(AfterTargets, SingleTargetOf<T>(required: true));
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) where T : IBuild => Add(AfterTargets, Select(targets, required: true));
    public ITargetDefinition TryAfter<T>() where T : IBuild => Add(AfterTargets, SingleTargetOf<T>(required: false));
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) where T : IBuild => Add(AfterTargets, Select(targets, required: false));

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>() where T : IBuild => Add(TriggersTargets, SingleTargetOf<T>(required: true));
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) where T : IBuild => Add(TriggersTargets, Select(targets, required: true));
    public ITargetDefinition TryTriggers<T>() where T : IBuild => Add(TriggersTargets, SingleTargetOf<T>(required: false));
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) where T : IBuild => Add(TriggersTargets, Select(targets, required: false));

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>() where T : IBuild => Add(TriggeredByTargets, SingleTargetOf<T>(required: true));
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) where T : IBuild => Add(TriggeredByTargets, Select(targets, required: true));
    public ITargetDefinition TryTriggeredBy<T>() where T : IBuild => Add(TriggeredByTargets, SingleTargetOf<T>(required: false));
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) where T : IBuild => Add(TriggeredByTargets, Select(targets, required: false));

    private TargetDefinition Add(List<Target> relation, IEnumerable<Target> targets)
    {
        relation.AddRange(targets);
        return this;
    }

    private IEnumerable<Target> Select<T>(Func<T, Target>[] targets, bool required) where T : IBuild
    {
        if (Build is T component)
            return targets.Select(select => select(component)).ToArray();
        return required ? throw NotImplemented<T>() : [];
    }

    private IEnumerable<Target> SingleTargetOf<T>(bool required) where T : IBuild
    {
        if (Build is not T)
            return required ? throw NotImplemented<T>() : [];
        var properties = typeof(T).GetProperties().Where(p => p.PropertyType == typeof(Target)).ToArray();
        if (properties.Length != 1)
        {
            throw new BuildException(
                $"Target '{Name}' refers to {typeof(T).Name} without naming a target, but {typeof(T).Name} declares " +
                $"{(properties.Length == 0 ? "no target" : string.Join(", ", properties.Select(p => p.Name)))}. " +
                $"Name the target, e.g. <{typeof(T).Name}>(x => x.{properties.FirstOrDefault()?.Name ?? "Target"}).");
        }
        return [(Target)properties[0].GetValue(Build)!];
    }

    private BuildException NotImplemented<T>() => new(
        $"Target '{Name}' refers to {typeof(T).Name}, which {Build.GetType().Name} does not implement. " +
        $"Add {typeof(T).Name} to the build's interface list, or use the Try… form for an optional component.");
}
