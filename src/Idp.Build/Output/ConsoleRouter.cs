using System.Text;
using Idp.Build.Secrets;

namespace Idp.Build.Output;

/// <summary>
/// Stands in for <see cref="Console.Out"/> and <see cref="Console.Error"/> during a build. Every write is masked;
/// while a target runs in parallel with others, its writes (from its own code, its child processes and its log)
/// go to that target's buffer, which is written out as one block when the target ends.
/// </summary>
internal sealed class ConsoleRouter
{
    private readonly AsyncLocal<TargetBuffer?> _current = new();

    public ConsoleRouter(TextWriter stdout, TextWriter stderr, SecretMasker masker)
    {
        Masker = masker;
        StandardOut = new MaskingWriter(stdout, masker);
        StandardError = new MaskingWriter(stderr, masker);
        Out = new RoutingWriter(this, StandardOut);
        Error = new RoutingWriter(this, StandardError);
    }

    public SecretMasker Masker { get; }
    public MaskingWriter StandardOut { get; }
    public MaskingWriter StandardError { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// <summary>Sends this async flow's output to a fresh buffer until the returned buffer is disposed.</summary>
    public TargetBuffer BeginBuffer()
    {
        var buffer = new TargetBuffer(this, _current.Value);
        _current.Value = buffer;
        return buffer;
    }

    public void Complete()
    {
        StandardOut.Complete();
        StandardError.Complete();
    }

    internal void EndBuffer(TargetBuffer buffer) => _current.Value = buffer.Previous;

    private sealed class RoutingWriter(ConsoleRouter router, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        private TextWriter Target => (TextWriter?)router._current.Value?.Writer ?? fallback;

        public override void Write(char value) => Target.Write(value);
        public override void Write(string? value) => Target.Write(value);
        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);
        public override void WriteLine(string? value) => Target.WriteLine(value);
        public override void Flush() => Target.Flush();
    }
}

/// <summary>The captured output of one target while targets run in parallel.</summary>
internal sealed class TargetBuffer : IDisposable
{
    private readonly ConsoleRouter _router;
    private readonly StringWriter _text = new();

    internal TargetBuffer(ConsoleRouter router, TargetBuffer? previous)
    {
        _router = router;
        Previous = previous;
        Writer = new MaskingWriter(TextWriter.Synchronized(_text), router.Masker);
    }

    internal TargetBuffer? Previous { get; }
    internal MaskingWriter Writer { get; }

    /// <summary>Everything the target wrote, masked.</summary>
    public string Text
    {
        get
        {
            Writer.Complete();
            return _text.ToString();
        }
    }

    public void Dispose() => _router.EndBuffer(this);
}
