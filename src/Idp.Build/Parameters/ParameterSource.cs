namespace Idp.Build.Parameters;

/// <summary>Where a parameter's raw value came from, for error messages and the run record.</summary>
internal sealed record ParameterSource(IReadOnlyList<string> Values, string Origin);
