using System.Reflection;

namespace Idp.Build.Discovery;

/// <summary>A target property found on the build class or one of its components.</summary>
internal sealed record TargetProperty(string Name, PropertyInfo Property)
{
    public Type DeclaringType => Property.DeclaringType!;
}
