namespace Idp.Dora.Storage;

/// <summary>A column that rows are written to or keys are matched on, with the SQL type its values travel as.</summary>
internal readonly record struct Column(string Name, bool IsText)
{
    /// <summary>A TEXT column; values are strings or null.</summary>
    public static Column Text(string name) => new(name, IsText: true);

    /// <summary>An INTEGER or BIGINT column; values are integers or null.</summary>
    public static Column Integer(string name) => new(name, IsText: false);
}
