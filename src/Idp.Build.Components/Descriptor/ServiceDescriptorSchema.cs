namespace Idp.Build.Components.Descriptor;

/// <summary>
/// The JSON Schema of <c>idp.yaml</c> (draft-07), embedded in this assembly so a build or a template can write it
/// next to the descriptor for editor completion (<c># yaml-language-server: $schema=…</c>).
/// </summary>
public static class ServiceDescriptorSchema
{
    private const string ResourceName = "Idp.Build.Components.Descriptor.idp.schema.json";

    /// <summary>The schema's file name.</summary>
    public const string FileName = "idp.schema.json";

    /// <summary>The schema as JSON text.</summary>
    public static string Text()
    {
        using var stream = typeof(ServiceDescriptorSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(ServiceDescriptorSchema).Assembly.GetName().Name}; the project must embed Descriptor/{FileName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the schema to <paramref name="path"/> (creating its directory) and returns the path.</summary>
    public static AbsolutePath WriteTo(AbsolutePath path)
    {
        path.Parent?.CreateDirectory();
        File.WriteAllText(path, Text());
        return path;
    }
}
