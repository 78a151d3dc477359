namespace Idp.Build;

/// <summary>
/// A target: a property of a build or component whose value records its definition.
/// <example><code>Target Compile => _ => _.DependsOn(Restore).Executes(() => DotNetBuild(s => s));</code></example>
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);

/// <summary>A settings hook: receives settings and returns them changed. Compose hooks by applying them in turn.</summary>
public delegate T Configure<T>(T settings);

/// <summary>Helpers to compose <see cref="Configure{T}"/> hooks.</summary>
public static class ConfigureExtensions
{
    /// <summary>Applies <paramref name="configure"/> to <paramref name="settings"/>; null means "leave as is".</summary>
    public static T Apply<T>(this T settings, Configure<T>? configure) => configure is null ? settings : configure(settings);

    /// <summary>Applies <paramref name="configure"/> only when <paramref name="condition"/> holds.</summary>
    public static T When<T>(this T settings, bool condition, Configure<T> configure) => condition ? configure(settings) : settings;
}
