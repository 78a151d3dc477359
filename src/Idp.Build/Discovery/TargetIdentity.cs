using System.Runtime.CompilerServices;

namespace Idp.Build.Discovery;

/// <summary>Two target delegates are the same target when they run the same method on the same object.</summary>
internal sealed class TargetIdentity : IEqualityComparer<Target>
{
    public static readonly TargetIdentity Comparer = new();

    public bool Equals(Target? x, Target? y) =>
        x is not null && y is not null && x.Method == y.Method && ReferenceEquals(x.Target, y.Target);

    public int GetHashCode(Target obj) => HashCode.Combine(obj.Method, RuntimeHelpers.GetHashCode(obj.Target));
}
