namespace Idp.Build.Components.Descriptor;

// Collects problems while the whole file is read, so all of them are reported at once.
internal sealed class DescriptorProblems(string file)
{
    private readonly List<DescriptorProblem> _problems = [];

    public string File { get; } = file;

    public bool Any => _problems.Count > 0;

    public void Add(int line, int column, string path, string message) =>
        _problems.Add(new DescriptorProblem(File, line, column, path, message));

    public void Add(YamlTreeNode node, string path, string message) => Add(node.Line, node.Column, path, message);

    public void ThrowIfAny()
    {
        if (Any)
            throw new ServiceDescriptorException(File, _problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToArray());
    }
}
