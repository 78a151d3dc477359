using System.Reflection;
using Idp.Build.Discovery;

namespace Idp.Build.Parameters;

/// <summary>A <c>[Parameter]</c> member of the build class or of a component interface.</summary>
internal sealed class ParameterMember(MemberInfo member, ParameterAttribute attribute)
{
    public MemberInfo Member { get; } = member;
    public string Name { get; } = attribute.Name ?? MemberNames.ShortName(member.Name);
    public string? Description { get; } = attribute.Description;
    public bool IsSecret { get; } = member.IsDefined(typeof(SecretAttribute), inherit: true);
    public bool IsRequired { get; } = member.IsDefined(typeof(RequiredAttribute), inherit: true);
    public bool IsComponentMember => Member.DeclaringType!.IsInterface;
    public string Kebab => ParameterNames.Kebab(Name);
    public bool IsList => (Nullable.GetUnderlyingType(Type) ?? Type).IsArray;
    public string EnvironmentName => ParameterNames.UpperSnake(Name);

    public Type Type => Member switch
    {
        FieldInfo f => f.FieldType,
        PropertyInfo property => property.PropertyType,
        _ => throw new InvalidOperationException(),
    };

    public object? ReadFrom(object build) => Member switch
    {
        FieldInfo f => f.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void WriteTo(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo f:
                f.SetValue(build, value);
                break;
            case PropertyInfo { CanWrite: true } property:
                property.SetValue(build, value);
                break;
            case PropertyInfo property:
                throw new BuildException(
                    $"Parameter '{Name}' is the get-only property {property.DeclaringType!.Name}.{property.Name}; " +
                    "give it a setter, or read it with TryGetValue(() => " + property.Name + ").");
        }
    }

    public static IReadOnlyList<ParameterMember> Discover(Type buildType)
    {
        const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = new List<ParameterMember>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
            members.AddRange(Annotated(type.GetMembers(Declared)));
        foreach (var component in buildType.GetInterfaces().Reverse())
            members.AddRange(Annotated(component.GetProperties(Declared)));
        return members;

        static IEnumerable<ParameterMember> Annotated(IEnumerable<MemberInfo> candidates) =>
            candidates
                .Where(m => m is FieldInfo or PropertyInfo && !m.Name.Contains('<'))
                .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
                .Where(x => x.Attribute is not null)
                .Select(x => new ParameterMember(x.Member, x.Attribute!));
    }
}
