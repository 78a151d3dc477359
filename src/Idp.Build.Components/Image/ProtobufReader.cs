namespace Idp.Build.Components.Image;

/// <summary>
/// Reads the protocol buffers wire format field by field: just enough for the BuildKit status messages the engine
/// streams (strings, booleans, integers and nested messages; every other field is skipped by its wire type).
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;
    private int _wireType;

    /// <summary>Moves to the next field and returns its number; false at the end of the message.</summary>
    public bool TryReadField(out int number)
    {
        if (_position >= _data.Length)
        {
            number = 0;
            return false;
        }
        var key = ReadVarint();
        (number, _wireType) = ((int)(key >> 3), (int)(key & 7));
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
        throw new FormatException("A protobuf varint is longer than 10 bytes.");
    }

    /// <summary>The bytes of a length-delimited field: a string, bytes or a nested message.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = checked((int)ReadVarint());
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Skips the value of the field just read, whatever its type.</summary>
    public void Skip()
    {
        switch (_wireType)
        {
            case 0: ReadVarint(); break;
            case 1: _position += 8; break;
            case 2: ReadBytes(); break;
            case 5: _position += 4; break;
            default: throw new FormatException($"Protobuf wire type {_wireType} is not supported.");
        }
    }
}
