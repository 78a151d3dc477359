namespace Idp.Build.Server;

/// <summary>
/// A client's output connection. Once the client has gone (closed terminal, killed build.sh) writes are dropped
/// instead of failing: the run is being interrupted, and it should wind down as it would with nobody reading.
/// </summary>
internal sealed class ClientStream(Stream connection) : Stream
{
    private bool _gone;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_gone)
            return;
        try
        {
            connection.Write(buffer, offset, count);
        }
        catch (IOException)
        {
            _gone = true;
        }
    }

    public override void Flush()
    {
        if (!_gone)
            connection.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            connection.Dispose();
        base.Dispose(disposing);
    }
}
