namespace Idp.Build.Planning;

/// <summary>
/// Finds cycles over all edges of all targets (Tarjan's strongly connected components, iterative so a long
/// chain cannot overflow the stack) and reports each as a readable path: "A → B → C → A".
/// </summary>
internal static class CycleFinder
{
    public static void ThrowOnCycles(IReadOnlyList<ExecutableTarget> targets)
    {
        var cycles = FindCycles(targets);
        if (cycles.Count == 0)
            return;
        var described = string.Join("; ", cycles.Select(c => string.Join(" → ", c.Append(c[0]).Select(t => t.Name))));
        throw new BuildException(
            $"The targets form {(cycles.Count == 1 ? "a cycle" : $"{cycles.Count} cycles")}: {described}. " +
            "A target cannot (directly or through others) depend on, be ordered after, or be triggered by itself; " +
            "remove one of the DependsOn/DependentFor/Before/After/Triggers/TriggeredBy edges on that path.");
    }

    public static List<List<ExecutableTarget>> FindCycles(IReadOnlyList<ExecutableTarget> targets)
    {
        var index = new Dictionary<ExecutableTarget, int>();
        var lowLink = new Dictionary<ExecutableTarget, int>();
        var onStack = new HashSet<ExecutableTarget>();
        var stack = new Stack<ExecutableTarget>();
        var cycles = new List<List<ExecutableTarget>>();
        var counter = 0;

        foreach (var root in targets)
        {
            if (index.ContainsKey(root))
                continue;
            var work = new Stack<(ExecutableTarget Node, IEnumerator<ExecutableTarget> Edges)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, edges) = work.Peek();
                if (edges.MoveNext())
                {
                    var next = edges.Current;
                    if (!index.ContainsKey(next))
                        Visit(next);
                    else if (onStack.Contains(next))
                        lowLink[node] = Math.Min(lowLink[node], index[next]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == index[node])
                    CollectComponent(node);
            }

            void Visit(ExecutableTarget node)
            {
                index[node] = lowLink[node] = counter++;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, node.Predecessors.GetEnumerator()));
            }
        }
        return cycles;

        void CollectComponent(ExecutableTarget head)
        {
            var component = new HashSet<ExecutableTarget>();
            ExecutableTarget member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != head);
            if (component.Count > 1 || head.Predecessors.Contains(head))
                cycles.Add(PathThrough(head, component));
        }
    }

    // A shortest path from head back to head inside the component, in "runs before" order.
    private static List<ExecutableTarget> PathThrough(ExecutableTarget head, HashSet<ExecutableTarget> component)
    {
        var cameFrom = new Dictionary<ExecutableTarget, ExecutableTarget>();
        var queue = new Queue<ExecutableTarget>([head]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in node.Predecessors.Where(component.Contains))
            {
                if (next == head)
                {
                    var path = new List<ExecutableTarget> { node };
                    while (path[^1] != head)
                        path.Add(cameFrom[path[^1]]);
                    return path;
                }
                if (cameFrom.TryAdd(next, node))
                    queue.Enqueue(next);
            }
        }
        return [head];
    }
}
