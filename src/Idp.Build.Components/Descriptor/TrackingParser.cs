using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Idp.Build.Components.Descriptor;

// Remembers where the parser was, because YamlDotNet's scanner can fail without a position (an
// InvalidOperationException on an unclosed '{' or '['), and the reader still owes the user a line and column.
internal sealed class TrackingParser(IParser inner) : IParser
{
    private readonly Stack<ParsingEvent> _open = new();

    public ParsingEvent? Current => inner.Current;

    /// <summary>The end of the last event read.</summary>
    public Mark LastEnd { get; private set; } = Mark.Empty;

    /// <summary>The innermost flow collection ('{' or '[') not yet closed, if any.</summary>
    public ParsingEvent? OpenFlowCollection =>
        _open.FirstOrDefault(e => e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow });

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                _open.Push(inner.Current);
                break;
            case MappingEnd or SequenceEnd when _open.Count > 0:
                _open.Pop();
                break;
        }
        if (inner.Current is { } current)
            LastEnd = current.End;
        return moved;
    }
}
