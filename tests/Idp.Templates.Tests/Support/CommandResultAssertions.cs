namespace Idp.Templates.Tests.Support;

internal static class CommandResultAssertions
{
    public static void ShouldSucceed(this CommandResult result) =>
        result.ExitCode.ShouldBe(0, result.ToString());
}
