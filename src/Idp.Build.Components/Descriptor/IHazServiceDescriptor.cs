using System.Runtime.CompilerServices;

namespace Idp.Build.Components.Descriptor;

/// <summary>
/// Provides the service's <c>idp.yaml</c> to the golden-path components: read once per build, validated in full,
/// with a bad or missing file failing the build with every problem listed.
/// </summary>
public interface IHazServiceDescriptor : IBuild
{
    /// <summary>The descriptor's path; <c>idp.yaml</c> at the root directory unless given.</summary>
    [Parameter("Path of the service descriptor")]
    AbsolutePath? ServiceDescriptorFile => TryGetValue(() => ServiceDescriptorFile) ?? RootDirectory / ServiceDescriptorReader.DefaultFileName;

    /// <summary>The service descriptor, read on first use; a <see cref="BuildException"/> listing every problem when it cannot be used.</summary>
    ServiceDescriptor ServiceDescriptor => ServiceDescriptors.Of(this);
}

/// <summary>One descriptor per build instance.</summary>
internal static class ServiceDescriptors
{
    // Interface members cannot hold state and IBuild has no cache, so the descriptor lives beside the build instance and goes with it.
    private static readonly ConditionalWeakTable<IHazServiceDescriptor, ServiceDescriptor> Descriptors = [];

    public static ServiceDescriptor Of(IHazServiceDescriptor build) => Descriptors.GetValue(build, Read);

    private static ServiceDescriptor Read(IHazServiceDescriptor build)
    {
        try
        {
            return ServiceDescriptorReader.Read(build.ServiceDescriptorFile ?? build.RootDirectory / ServiceDescriptorReader.DefaultFileName);
        }
        catch (ServiceDescriptorException error)
        {
            // The engine prints a BuildException's message without a stack trace, at plan time and inside a target alike.
            throw new BuildException(error.Message);
        }
    }
}
