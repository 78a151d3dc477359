namespace HelloService;

/// <summary>The <c>Greeting</c> configuration section (appsettings.json, or <c>Greeting__Salutation</c> in the environment).</summary>
public sealed class GreetingOptions
{
    public const string Section = "Greeting";

    public string Salutation { get; set; } = "Hello";
}
