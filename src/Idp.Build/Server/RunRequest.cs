using System.Globalization;

namespace Idp.Build.Server;

/// <summary>
/// One run asked of the build server: what build.sh would have passed to the build process it no longer starts.
/// Sent as NUL-terminated fields: the working directory, <c>1</c> when the output is a terminal, the argument
/// count, the arguments, then the environment as <c>NAME=value</c> entries up to an empty field.
/// </summary>
internal sealed record RunRequest(
    string WorkingDirectory,
    bool OutputIsTerminal,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Variables)
{
    private const int MaxArguments = 10_000;

    public static async Task<RunRequest> ReadAsync(ProtocolReader reader, CancellationToken cancellationToken)
    {
        var directory = await reader.ReadFieldAsync(cancellationToken);
        if (!Path.IsPathFullyQualified(directory))
            throw new ProtocolException($"the working directory '{directory}' is not an absolute path");
        var terminal = await reader.ReadFieldAsync(cancellationToken) == "1";
        var countField = await reader.ReadFieldAsync(cancellationToken);
        if (!int.TryParse(countField, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxArguments)
            throw new ProtocolException($"'{countField}' is not an argument count");
        var arguments = new string[count];
        for (var i = 0; i < count; i++)
            arguments[i] = await reader.ReadFieldAsync(cancellationToken);

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadFieldAsync(cancellationToken) is { Length: > 0 } entry)
        {
            var separator = entry.IndexOf('=', 1);
            if (separator < 0)
                throw new ProtocolException("an environment entry has no '='");
            variables[entry[..separator]] = entry[(separator + 1)..];
        }
        return new RunRequest(directory, terminal, arguments, variables);
    }
}
