using System.Linq.Expressions;
using System.Reflection;
using Idp.Build.Discovery;

namespace Idp.Build.Definition;

// Inherit<T>: replay a component's own definition into an override without dispatching back to the override.
internal sealed partial class TargetDefinition
{
    public ITargetDefinition Inherit<T>() where T : IBuild => InheritFrom(typeof(T), Name);

    public ITargetDefinition Inherit<T>(params Expression<Func<T, Target>>[] targets) where T : IBuild
    {
        foreach (var target in targets)
            InheritFrom(typeof(T), MemberNames.Of(target));
        return this;
    }

    private TargetDefinition InheritFrom(Type component, string targetName)
    {
        if (!component.IsInstanceOfType(Build))
            throw new BuildException($"Target '{Name}' inherits from {component.Name}, which {Build.GetType().Name} does not implement.");
        var property = FindTargetProperty(component, targetName) ?? throw new BuildException(
            $"Target '{Name}' inherits {component.Name}.{targetName}, but {component.Name} declares no target '{targetName}'.");
        var inherited = NonVirtualGetter.Invoke(property, Build);
        inherited(this);
        return this;
    }

    private static PropertyInfo? FindTargetProperty(Type component, string targetName)
    {
        const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        // The component itself first (a plain member, or an explicit override of a base component's target),
        // then the components it derives from.
        foreach (var type in new[] { component }.Concat(component.GetInterfaces()))
        {
            var property = type.GetProperties(Declared).FirstOrDefault(p =>
                p.PropertyType == typeof(Target) && MemberNames.ShortName(p.Name) == targetName && p.GetMethod is { IsAbstract: false });
            if (property is not null)
                return property;
        }
        return null;
    }
}
