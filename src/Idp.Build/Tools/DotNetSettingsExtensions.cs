using Idp.Build.Processes;

namespace Idp.Build.Tools;

/// <summary>Fluent setters shared by all <c>dotnet</c> settings; each returns a changed copy.</summary>
public static class DotNetSettingsExtensions
{
    public static T SetProjectFile<T>(this T settings, string? projectFile) where T : DotNetSettings =>
        (T)(settings with { ProjectFile = projectFile });

    public static T SetConfiguration<T>(this T settings, string? configuration) where T : DotNetSettings =>
        (T)(settings with { Configuration = configuration });

    public static T SetFramework<T>(this T settings, string? framework) where T : DotNetSettings =>
        (T)(settings with { Framework = framework });

    public static T SetVerbosity<T>(this T settings, string? verbosity) where T : DotNetSettings =>
        (T)(settings with { Verbosity = verbosity });

    public static T EnableNoRestore<T>(this T settings) where T : DotNetSettings =>
        (T)(settings with { NoRestore = true });

    public static T SetProperty<T>(this T settings, string name, object value) where T : DotNetSettings =>
        (T)(settings with { Properties = settings.Properties.SetItem(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "") });

    public static T AddArguments<T>(this T settings, params string[] arguments) where T : DotNetSettings =>
        (T)(settings with { ExtraArguments = settings.ExtraArguments.AddRange(arguments) });

    public static T SetWorkingDirectory<T>(this T settings, string directory) where T : DotNetSettings =>
        (T)(settings with { Process = settings.Process with { WorkingDirectory = directory } });

    public static T SetProcessEnvironmentVariable<T>(this T settings, string name, string? value) where T : DotNetSettings =>
        (T)(settings with { Process = settings.Process with { Environment = new Dictionary<string, string?>(settings.Process.Environment) { [name] = value } } });

    public static T SetTimeout<T>(this T settings, TimeSpan timeout) where T : DotNetSettings =>
        (T)(settings with { Process = settings.Process with { Timeout = timeout } });

    /// <summary>Sets the continuous-integration flags (deterministic paths) that CI builds should use.</summary>
    public static T EnableContinuousIntegrationBuild<T>(this T settings) where T : DotNetSettings =>
        settings.SetProperty("ContinuousIntegrationBuild", true);

    public static DotNetTestSettings AddRunSettings(this DotNetTestSettings settings, params string[] runSettings) =>
        settings with { RunSettings = settings.RunSettings.AddRange(runSettings) };

    public static DotNetTestSettings SetFilter(this DotNetTestSettings settings, string? filter) => settings with { Filter = filter };

    public static DotNetTestSettings EnableNoBuild(this DotNetTestSettings settings) => settings with { NoBuild = true };

    public static DotNetTestSettings SetResultsDirectory(this DotNetTestSettings settings, string directory) => settings with { ResultsDirectory = directory };

    public static DotNetTestSettings AddLoggers(this DotNetTestSettings settings, params string[] loggers) => settings with { Loggers = settings.Loggers.AddRange(loggers) };

    public static DotNetTestSettings AddDataCollectors(this DotNetTestSettings settings, params string[] collectors) =>
        settings with { DataCollectors = settings.DataCollectors.AddRange(collectors) };

    public static DotNetPackSettings SetOutputDirectory(this DotNetPackSettings settings, string directory) => settings with { OutputDirectory = directory };

    public static DotNetPackSettings SetVersion(this DotNetPackSettings settings, string version) => settings with { Version = version };

    public static DotNetPackSettings EnableNoBuild(this DotNetPackSettings settings) => settings with { NoBuild = true };

    public static DotNetPublishSettings SetOutputDirectory(this DotNetPublishSettings settings, string directory) => settings with { OutputDirectory = directory };

    public static DotNetPublishSettings EnableNoBuild(this DotNetPublishSettings settings) => settings with { NoBuild = true };

    public static DotNetPublishSettings SetRuntime(this DotNetPublishSettings settings, string runtime) => settings with { Runtime = runtime };

    public static DotNetBuildSettings SetOutputDirectory(this DotNetBuildSettings settings, string directory) => settings with { OutputDirectory = directory };

    internal static ProcessOptions Options(this DotNetSettings settings) => settings.Process;
}
