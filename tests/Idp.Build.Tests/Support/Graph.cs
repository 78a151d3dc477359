using Idp.Build.Definition;
using Idp.Build.Planning;

namespace Idp.Build.Tests.Support;

/// <summary>Builds target graphs in memory for planner and executor tests.</summary>
internal sealed class Graph
{
    private readonly Dictionary<string, ExecutableTarget> _targets = new();

    public List<string> Ran { get; } = [];

    public ExecutableTarget this[string name] => _targets[name];

    public IReadOnlyList<ExecutableTarget> All => _targets.Values.OrderBy(t => t.Index).ToArray();

    /// <summary>Declares targets in order; each records its name in <see cref="Ran"/> when it runs.</summary>
    public Graph Targets(params string[] names)
    {
        foreach (var name in names)
        {
            var target = new ExecutableTarget(name, _targets.Count);
            target.Actions.Add(() =>
            {
                lock (Ran)
                    Ran.Add(name);
                return Task.CompletedTask;
            });
            _targets[name] = target;
        }
        return this;
    }

    public Graph DependsOn(string target, params string[] dependencies)
    {
        _targets[target].ExecutionDependencies.AddRange(dependencies.Select(d => _targets[d]));
        return this;
    }

    public Graph After(string target, params string[] predecessors)
    {
        _targets[target].OrderDependencies.AddRange(predecessors.Select(d => _targets[d]));
        return this;
    }

    public Graph Triggers(string target, params string[] triggered)
    {
        foreach (var other in triggered.Select(t => _targets[t]))
        {
            _targets[target].Triggers.Add(other);
            other.TriggeredBy.Add(_targets[target]);
        }
        return this;
    }

    public Graph OnlyWhenStatic(string target, bool value, string text = "condition")
    {
        _targets[target].StaticConditions.Add(new Condition(() => value, text));
        return this;
    }

    public Graph OnlyWhenDynamic(string target, bool value, string text = "condition")
    {
        _targets[target].DynamicConditions.Add(new Condition(() => value, text));
        return this;
    }

    public Graph Fails(string target, string message = "boom")
    {
        _targets[target].Actions.Add(() => throw new InvalidOperationException(message));
        return this;
    }

    public Graph Configure(string target, Action<ExecutableTarget> configure)
    {
        configure(_targets[target]);
        return this;
    }

    public IReadOnlyList<ExecutableTarget> Plan(params string[] invoked) =>
        ExecutionPlanner.Plan(All, invoked.Select(i => _targets[i]).ToArray());

    public static string Names(IEnumerable<ExecutableTarget> targets) => string.Join(" ", targets.Select(t => t.Name));
}
