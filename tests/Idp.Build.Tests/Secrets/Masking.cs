using Idp.Build.Secrets;

namespace Idp.Build.Tests.Secrets;

public class Masking
{
    private static (MaskingWriter Writer, StringWriter Output) Writer(params string[] secrets)
    {
        var masker = new SecretMasker();
        foreach (var secret in secrets)
            masker.Register(secret);
        var output = new StringWriter();
        return (new MaskingWriter(output, masker), output);
    }

    [Fact]
    public void A_registered_value_is_replaced_wherever_it_appears()
    {
        var (writer, output) = Writer("hunter2-secret");

        writer.WriteLine("token=hunter2-secret; again hunter2-secret.");
        writer.Complete();

        output.ToString().ShouldBe("token=***; again ***.\n");
    }

    [Fact]
    public void A_secret_split_over_many_writes_is_still_masked()
    {
        var (writer, output) = Writer("hunter2-secret");

        foreach (var c in "before hunter2-secret after")
            writer.Write(c);
        writer.Flush();
        var beforeComplete = output.ToString();
        writer.Complete();

        output.ToString().ShouldBe("before *** after");
        beforeComplete.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Text_that_cannot_start_a_secret_is_forwarded_at_once()
    {
        var (writer, output) = Writer("hunter2-secret");

        writer.Write("progress 10%... hun");

        output.ToString().ShouldBe("progress 10%... ");
    }

    [Fact]
    public void The_longest_secret_wins_when_one_contains_another()
    {
        var (writer, output) = Writer("abc", "abcdef-long");

        writer.Write("x abcdef-long y abc z");
        writer.Complete();

        output.ToString().ShouldBe("x *** y *** z");
    }

    [Fact]
    public void Url_and_json_escaped_forms_are_masked_too()
    {
        var (writer, output) = Writer("p@ss w\"rd");

        writer.Write("url=p%40ss%20w%22rd json=p@ss w\\u0022rd");
        writer.Complete();

        output.ToString().ShouldBe("url=*** json=***");
    }

    [Fact]
    public void Each_line_of_a_multi_line_secret_is_masked()
    {
        var (writer, output) = Writer("-----BEGIN KEY-----\nsecret-body-line\n-----END KEY-----");

        writer.Write("key: secret-body-line");
        writer.Complete();

        output.ToString().ShouldBe("key: ***");
    }

    [Fact]
    public void Blank_values_are_not_registered()
    {
        var (writer, output) = Writer("", "   ");

        writer.Write("nothing to hide");

        output.ToString().ShouldBe("nothing to hide");
    }
}
