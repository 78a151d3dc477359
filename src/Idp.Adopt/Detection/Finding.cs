namespace Idp.Adopt.Detection;

/// <summary>A detected value and where it came from; <see cref="IsDefault"/> when nothing was found and the golden path's default is used.</summary>
public sealed record Finding<T>(T Value, string Source, bool IsDefault = false)
{
    /// <summary>The golden path's default, used because the repository says nothing.</summary>
    public static Finding<T> Default(T value, string why) => new(value, why, IsDefault: true);
}
