using System.Collections.Concurrent;
using System.Reflection;
using Idp.Build.Secrets;

namespace Idp.Build.Parameters;

/// <summary>
/// Resolves parameter values. Precedence, first found wins: command line, environment (<c>IDP_NAME</c>, then
/// <c>NAME</c>), the last <c>--profile</c> file, …, <c>.nuke/parameters.json</c>, the member's default.
/// Build-class members are injected once at start; component members are read on demand through
/// <see cref="IBuild"/>'s <c>TryGetValue</c> and cached.
/// </summary>
internal sealed class ParameterService
{
    private readonly CommandLine _commandLine;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<ParametersFile> _files;
    private readonly string _rootDirectory;
    private readonly string _workingDirectory;
    private readonly Dictionary<MemberInfo, ParameterMember> _byMember;
    private readonly ConcurrentDictionary<MemberInfo, object?> _converted = new();

    public ParameterService(
        IReadOnlyList<ParameterMember> members,
        CommandLine commandLine,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<ParametersFile> files,
        string rootDirectory,
        string workingDirectory)
    {
        Members = members;
        _commandLine = commandLine;
        _environment = environment;
        _files = files;
        _rootDirectory = rootDirectory;
        _workingDirectory = workingDirectory;
        _byMember = members.ToDictionary(m => m.Member);
    }

    public IReadOnlyList<ParameterMember> Members { get; }

    public ParameterMember? Find(MemberInfo member) => _byMember.GetValueOrDefault(member);

    public ParameterSource? RawValue(ParameterMember member)
    {
        if (_commandLine.Get(member.Name) is { } option)
            return new ParameterSource(member.IsList ? option.AllValues : option.Values, $"the command line ({option.Spelling})");
        foreach (var name in new[] { "IDP_" + member.EnvironmentName, member.EnvironmentName })
        {
            if (_environment.TryGetValue(name, out var value) && value.Length > 0)
                return new ParameterSource([value], $"the environment variable {name}");
        }
        foreach (var file in _files.Reverse())
        {
            if (file.Values.TryGetValue(ParameterNames.Normalize(member.Name), out var entry))
                return new ParameterSource(entry.Values, file.Path);
        }
        return null;
    }

    /// <summary>The converted value of a parameter, or null when no source sets it.</summary>
    public object? GetValue(ParameterMember member) => _converted.GetOrAdd(member.Member, _ => Convert(member));

    /// <summary>Checks every source for names that no parameter has, so a typo is an error and not a silent default.</summary>
    public void ThrowOnUnknownNames(IEnumerable<string> engineOptions)
    {
        var known = Members.Select(m => m.Name).Distinct().ToArray();
        var knownKeys = known.Select(ParameterNames.Normalize).Concat(engineOptions.Select(ParameterNames.Normalize)).ToHashSet();
        foreach (var option in _commandLine.Options)
        {
            if (knownKeys.Contains(ParameterNames.Normalize(option.Spelling)))
                continue;
            var suggestions = ParameterNames.Suggest(option.Spelling, known.Select(ParameterNames.Kebab).Concat(engineOptions));
            throw new BuildException(
                $"Unknown parameter '{option.Spelling}'.{ParameterNames.DidYouMean(suggestions, s => "--" + s)} " +
                "Run with --help to list the parameters of this build.");
        }
        foreach (var file in _files)
        {
            foreach (var (key, (spelling, _)) in file.Values)
            {
                if (knownKeys.Contains(key))
                    continue;
                var suggestions = ParameterNames.Suggest(spelling, known);
                throw new BuildException(
                    $"{file.Path} sets '{spelling}', which is not a parameter of this build.{ParameterNames.DidYouMean(suggestions, s => s)} " +
                    "Remove the key or correct its name (run with --help to list the parameters).");
            }
        }
    }

    /// <summary>
    /// Sets the build class's own parameter members and converts every component member that has a value, so a
    /// bad value anywhere is reported before the first target runs.
    /// </summary>
    public void Inject(object build)
    {
        foreach (var member in Members.Where(m => RawValue(m) is not null))
        {
            var value = GetValue(member);
            if (!member.IsComponentMember)
                member.WriteTo(build, value);
        }
    }

    /// <summary>Registers every secret parameter's value before anything can print it.</summary>
    public void RegisterSecrets(SecretMasker masker)
    {
        foreach (var member in Members.Where(m => m.IsSecret))
        {
            if (RawValue(member) is { } source)
            {
                foreach (var value in source.Values)
                    masker.Register(value);
            }
        }
    }

    private object? Convert(ParameterMember member)
    {
        if (RawValue(member) is not { } source)
            return null;
        var baseDirectory = source.Origin.StartsWith("the command line", StringComparison.Ordinal) ? _workingDirectory : _rootDirectory;
        try
        {
            return ValueConverter.Convert(member.Type, source.Values, baseDirectory);
        }
        catch (FormatException expected)
        {
            var shown = member.IsSecret ? SecretMasker.Mask : string.Join(" ", source.Values);
            throw new BuildException(
                $"Parameter '--{member.Kebab}' expects {expected.Message}, but {source.Origin} gives '{shown}'. " +
                $"Pass a valid {ValueConverter.Describe(member.Type)} value.");
        }
    }
}
