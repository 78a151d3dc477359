using System.Reflection;

namespace Idp.Build.Discovery;

/// <summary>
/// Calls a property getter without virtual dispatch. An override <c>Target ITest.Test => _ => _.Inherit&lt;ITest&gt;()</c>
/// must run ITest's default getter, but an ordinary call dispatches back to the override and recurses forever.
/// A delegate bound to the getter's code pointer calls exactly that method body.
/// </summary>
internal static class NonVirtualGetter
{
    public static Target Invoke(PropertyInfo property, object instance)
    {
        var getter = property.GetMethod ?? throw new InvalidOperationException($"{property.Name} has no getter.");
        var pointer = getter.MethodHandle.GetFunctionPointer();
        var call = (Func<Target>)Activator.CreateInstance(typeof(Func<Target>), instance, pointer)!;
        return call();
    }
}
