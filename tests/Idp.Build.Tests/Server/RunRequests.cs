using System.Text;
using Idp.Build.Server;

namespace Idp.Build.Tests.Server;

/// <summary>The run request as build.sh sends it: NUL-terminated fields, read back exactly, and nonsense refused by name.</summary>
public class RunRequests
{
    [Fact]
    public async Task Arguments_and_variables_keep_spaces_quotes_newlines_and_equals_signs()
    {
        var request = await Read(
            "/work/repo\0" + "1\0" + "3\0" + "Deploy\0" + "--message\0" + "two words, \"quoted\"\nand a line\0" +
            "PATH=/usr/bin:/bin\0" + "TOKEN=a=b=c\0" + "EMPTY=\0" + "\0");

        request.WorkingDirectory.ShouldBe("/work/repo");
        request.OutputIsTerminal.ShouldBeTrue();
        request.Arguments.ShouldBe(["Deploy", "--message", "two words, \"quoted\"\nand a line"]);
        request.Variables.ShouldBe(new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["TOKEN"] = "a=b=c", ["EMPTY"] = "" });
    }

    [Fact]
    public async Task A_request_split_across_many_small_reads_is_read_whole()
    {
        var request = await Read("/r\0" + "0\0" + "1\0" + "Compile\0" + "HOME=/root\0" + "\0", chunk: 1);

        request.OutputIsTerminal.ShouldBeFalse();
        request.Arguments.ShouldBe(["Compile"]);
        request.Variables["HOME"].ShouldBe("/root");
    }

    [Theory]
    [InlineData("relative/dir\0" + "0\0" + "0\0" + "\0", "is not an absolute path")]
    [InlineData("/r\0" + "0\0" + "many\0" + "\0", "'many' is not an argument count")]
    [InlineData("/r\0" + "0\0" + "0\0" + "NOEQUALS\0" + "\0", "has no '='")]
    [InlineData("/r\0" + "0\0" + "2\0" + "only-one\0", "ended early")]
    public async Task A_malformed_request_is_refused_with_what_is_wrong(string sent, string reason)
    {
        var error = await Should.ThrowAsync<ProtocolException>(() => Read(sent));

        error.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task A_field_longer_than_a_mebibyte_is_refused()
    {
        var error = await Should.ThrowAsync<ProtocolException>(() => Read("/r\0" + "0\0" + "1\0" + new string('x', 1024 * 1024 + 1) + "\0" + "\0"));

        error.Message.ShouldContain("longer than");
    }

    [Fact]
    public async Task The_first_line_and_what_follows_it_come_from_one_reader()
    {
        var reader = new ProtocolReader(new MemoryStream(Encoding.UTF8.GetBytes("idp-build/1 run token\n/r\0" + "0\0" + "0\0" + "\0")));

        (await reader.ReadLineAsync(CancellationToken.None)).ShouldBe("idp-build/1 run token");
        (await RunRequest.ReadAsync(reader, CancellationToken.None)).WorkingDirectory.ShouldBe("/r");
        (await reader.ReadLineAsync(CancellationToken.None)).ShouldBeNull();
    }

    private static Task<RunRequest> Read(string sent, int chunk = 4096) =>
        RunRequest.ReadAsync(new ProtocolReader(new TrickleStream(Encoding.UTF8.GetBytes(sent), chunk)), CancellationToken.None);

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes per read, as a socket may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
