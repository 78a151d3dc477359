namespace Idp.Adopt;

internal static class Program
{
    private static int Main(string[] args) => AdoptCommand.Run(args, Environment.CurrentDirectory, Console.Out, Console.Error);
}
