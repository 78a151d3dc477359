using Idp.Build.Components.Image;

namespace Idp.Build.Components.Tests.Image;

/// <summary>All of an image's labels go into the built stage of the Dockerfile as one LABEL instruction.</summary>
public sealed class LabelsInOneInstruction
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["org.opencontainers.image.version"] = "1.2.3",
        ["io.idp.team"] = "platform",
    };

    [Fact]
    public void Without_a_target_the_instruction_ends_the_last_stage_with_labels_sorted_by_name()
    {
        var labelled = LabelInstruction.AddTo("FROM base\nCOPY app/ /app/\nENTRYPOINT [\"dotnet\"]\n\n", target: null, Labels);

        labelled.ShouldBe("FROM base\nCOPY app/ /app/\nENTRYPOINT [\"dotnet\"]\nLABEL \"io.idp.team\"=\"platform\" \"org.opencontainers.image.version\"=\"1.2.3\"\n");
    }

    [Fact]
    public void With_a_target_the_instruction_ends_that_stage_and_later_stages_stay_as_they_were()
    {
        const string dockerfile = "FROM sdk AS build\nRUN make\n\n# the runtime\nFROM build AS Final\nCOPY x /x\n\nFROM final AS debug\nRUN debug\n";

        var labelled = LabelInstruction.AddTo(dockerfile, "final", Labels);

        labelled.ShouldBe("FROM sdk AS build\nRUN make\n\n# the runtime\nFROM build AS Final\nCOPY x /x\nLABEL \"io.idp.team\"=\"platform\" \"org.opencontainers.image.version\"=\"1.2.3\"\n\nFROM final AS debug\nRUN debug\n");
    }

    [Fact]
    public void A_FROM_word_inside_a_continued_instruction_does_not_start_a_stage()
    {
        var labelled = LabelInstruction.AddTo("FROM a AS one\nRUN echo \\\n  FROM b AS two\nFROM c AS three\n", "one", Labels);

        labelled.Split('\n')[3].ShouldStartWith("LABEL ");
        labelled.Split('\n')[4].ShouldBe("FROM c AS three");
    }

    [Fact]
    public void Quotes_dollars_and_the_escape_character_are_escaped_with_the_Dockerfiles_escape_directive()
    {
        var labels = new Dictionary<string, string> { ["note"] = "say \"hi\" to $USER at C:\\path" };

        LabelInstruction.AddTo("FROM a\n", null, labels).ShouldEndWith("LABEL \"note\"=\"say \\\"hi\\\" to \\$USER at C:\\\\path\"\n");
        LabelInstruction.AddTo("# escape=`\nFROM a\n", null, labels).ShouldEndWith("LABEL \"note\"=\"say `\"hi`\" to `$USER at C:\\path\"\n");
    }

    [Fact]
    public void A_label_with_a_line_break_is_refused_naming_the_label()
    {
        var error = Should.Throw<ArgumentException>(() => LabelInstruction.AddTo("FROM a\n", null, new Dictionary<string, string> { ["note"] = "two\nlines" }));

        error.Message.ShouldContain("value of note");
    }
}
