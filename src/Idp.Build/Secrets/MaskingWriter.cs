using System.Text;

namespace Idp.Build.Secrets;

/// <summary>
/// A writer that masks secrets before passing text on. Text is forwarded as soon as it is written, except for
/// a tail that could be the beginning of a secret; that tail waits for the next write or for
/// <see cref="Flush"/> at the end of the build.
/// </summary>
internal sealed class MaskingWriter(TextWriter inner, SecretMasker masker) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public TextWriter Inner => inner;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        lock (_gate)
        {
            if (!masker.HasSecrets && _pending.Length == 0)
            {
                inner.Write(value);
                return;
            }
            _pending.Append(value);
            var masked = masker.Apply(_pending.ToString());
            var held = masker.PossiblePrefixLength(masked);
            inner.Write(masked.AsSpan(0, masked.Length - held));
            _pending.Clear().Append(masked, masked.Length - held, held);
        }
    }

    public override void WriteLine(string? value) => Write(value + NewLine);

    /// <summary>Flushes what has been forwarded; a tail that could start a secret is still held back.</summary>
    public override void Flush()
    {
        lock (_gate)
            inner.Flush();
    }

    /// <summary>Forwards everything, including a held-back tail: the caller knows no more text follows.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                inner.Write(masker.Apply(_pending.ToString()));
                _pending.Clear();
            }
            inner.Flush();
        }
    }
}
