using System.Reflection;

namespace Idp.Build.Discovery;

/// <summary>
/// Finds the targets of a build type: its own <see cref="Target"/> properties, in source order, then the default
/// members of the components it implements, base components first. When two components declare a
/// target of the same name, the more derived one wins; unrelated components clashing is an error, solved by
/// implementing the target once in the build.
/// </summary>
internal static class TargetScanner
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<TargetProperty> Scan(Type buildType)
    {
        var found = new List<TargetProperty>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(Declared))
            {
                if (property.PropertyType == typeof(Target) && !property.Name.Contains('.') && names.Add(property.Name))
                    found.Add(new TargetProperty(property.Name, property));
            }
        }

        // Base components first (GetInterfaces lists the most derived first), so Restore comes before Compile.
        var byName = buildType.GetInterfaces().Reverse()
            .SelectMany(component => component.GetProperties(Declared))
            .Where(p => p.PropertyType == typeof(Target) && !p.Name.Contains('.'))
            .GroupBy(p => p.Name);
        foreach (var group in byName)
        {
            if (names.Contains(group.Key))
                continue;
            var candidates = group.ToList();
            var mostDerived = candidates
                .Where(p => !candidates.Any(other => other != p && p.DeclaringType!.IsAssignableFrom(other.DeclaringType)))
                .ToList();
            if (mostDerived.Count > 1)
            {
                throw new BuildException(
                    $"Target '{group.Key}' is declared by {string.Join(" and ", mostDerived.Select(p => p.DeclaringType!.Name))}, " +
                    $"which do not derive from one another. Implement it once in {buildType.Name}, e.g. " +
                    $"Target {mostDerived[0].DeclaringType!.Name}.{group.Key} => _ => _.Inherit<{mostDerived[0].DeclaringType!.Name}>();");
            }
            names.Add(group.Key);
            found.Add(new TargetProperty(group.Key, mostDerived[0]));
        }
        return found;
    }
}
