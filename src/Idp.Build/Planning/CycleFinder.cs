namespace Idp.Build.Planning;

/// <summary>
/// Finds cycles over all edges of all targets (Tarjan's strongly connected components, iterative so a long
/// chain cannot overflow the stack) and reports each as a readable path: "A → B → C → A".
/// </summary>
internal static class CycleFinder
{
    public static void ThrowOnCycles(TargetIndex graph)
    {
        var cycles = FindCycles(graph);
        if (cycles.Count == 0)
            return;
        var described = string.Join("; ", cycles.Select(c => string.Join(" → ", c.Append(c[0]).Select(t => t.Name))));
        throw new BuildException(
            $"The targets form {(cycles.Count == 1 ? "a cycle" : $"{cycles.Count} cycles")}: {described}. " +
            "A target cannot (directly or through others) depend on, be ordered after, or be triggered by itself; " +
            "remove one of the DependsOn/DependentFor/Before/After/Triggers/TriggeredBy edges on that path.");
    }

    public static List<List<ExecutableTarget>> FindCycles(IReadOnlyList<ExecutableTarget> targets) =>
        FindCycles(TargetIndex.Of(targets, []));

    public static List<List<ExecutableTarget>> FindCycles(TargetIndex graph)
    {
        const int Unvisited = -1;
        var predecessors = graph.Predecessors;
        var count = predecessors.Length;
        var order = new int[count];
        var lowLink = new int[count];
        Array.Fill(order, Unvisited);
        var onStack = new bool[count];
        var stack = new int[count];
        var stackSize = 0;
        // The depth-first walk: a node and how many of its predecessors it has looked at.
        var walkNode = new int[count];
        var walkEdge = new int[count];
        var walkSize = 0;
        // Which component a node was last collected into, to walk a path inside it.
        var component = new int[count];
        var cycles = new List<List<ExecutableTarget>>();
        var counter = 0;

        // Only declared targets start a walk; targets reached through edges are visited from them.
        for (var root = 0; root < graph.DeclaredCount; root++)
        {
            if (order[root] != Unvisited)
                continue;
            Visit(root);
            while (walkSize > 0)
            {
                var node = walkNode[walkSize - 1];
                var edges = predecessors[node];
                if (walkEdge[walkSize - 1] < edges.Length)
                {
                    var next = edges[walkEdge[walkSize - 1]++];
                    if (order[next] == Unvisited)
                        Visit(next);
                    else if (onStack[next])
                        lowLink[node] = Math.Min(lowLink[node], order[next]);
                    continue;
                }
                walkSize--;
                if (walkSize > 0)
                {
                    var parent = walkNode[walkSize - 1];
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
                if (lowLink[node] == order[node])
                    CollectComponent(node);
            }
        }
        return cycles;

        void Visit(int node)
        {
            order[node] = lowLink[node] = counter++;
            stack[stackSize++] = node;
            onStack[node] = true;
            walkNode[walkSize] = node;
            walkEdge[walkSize++] = 0;
        }

        void CollectComponent(int head)
        {
            var size = 0;
            int member;
            do
            {
                member = stack[--stackSize];
                onStack[member] = false;
                // Component ids start at 1 so that 0 means "in none".
                component[member] = head + 1;
                size++;
            }
            while (member != head);
            if (size > 1 || Array.IndexOf(predecessors[head], head) >= 0)
                cycles.Add(PathThrough(graph, head, component));
        }
    }

    // A shortest path from head back to head inside its component, in "runs before" order.
    private static List<ExecutableTarget> PathThrough(TargetIndex graph, int head, int[] component)
    {
        var cameFrom = new Dictionary<int, int>();
        var queue = new Queue<int>([head]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in graph.Predecessors[node])
            {
                if (component[next] != head + 1)
                    continue;
                if (next == head)
                {
                    var path = new List<ExecutableTarget> { graph.Targets[node] };
                    for (var step = node; step != head;)
                    {
                        step = cameFrom[step];
                        path.Add(graph.Targets[step]);
                    }
                    return path;
                }
                if (cameFrom.TryAdd(next, node))
                    queue.Enqueue(next);
            }
        }
        return [graph.Targets[head]];
    }
}
