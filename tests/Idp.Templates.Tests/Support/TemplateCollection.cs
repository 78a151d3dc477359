namespace Idp.Templates.Tests.Support;

/// <summary>The test classes that share one packed and installed template.</summary>
[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateHive>
{
    public const string Name = "idp-service template";
}
