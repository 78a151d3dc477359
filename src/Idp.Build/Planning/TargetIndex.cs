namespace Idp.Build.Planning;

/// <summary>
/// The targets of one planning run numbered by position (declared targets first, in order), each with its
/// predecessors as one de-duplicated array of positions, so the cycle check and the ordering work on integer
/// arrays instead of hashing targets on every edge.
/// </summary>
internal sealed class TargetIndex
{
    private readonly List<ExecutableTarget> _targets;
    private readonly Positions _positions;

    private TargetIndex(List<ExecutableTarget> targets, int declared, Positions positions, int[][] predecessors)
    {
        _targets = targets;
        _positions = positions;
        DeclaredCount = declared;
        Predecessors = predecessors;
    }

    /// <summary>Every target, by position.</summary>
    public IReadOnlyList<ExecutableTarget> Targets => _targets;

    /// <summary>How many of <see cref="Targets"/> were declared (the rest were only reached through an edge).</summary>
    public int DeclaredCount { get; }

    /// <summary>
    /// For each position, the positions of <see cref="ExecutableTarget.Predecessors"/>, each once, in the order
    /// they are first met there (so a walk over them visits targets in the same order as over the lists).
    /// </summary>
    public int[][] Predecessors { get; }

    public int PositionOf(ExecutableTarget target) =>
        _positions.TryFind(target, out var position)
            ? position
            : throw new InvalidOperationException($"Target '{target.Name}' is not in the planned graph.");

    /// <summary>
    /// Indexes <paramref name="declared"/> and every target reachable from them or from
    /// <paramref name="extra"/> through any edge, so no edge points outside the index.
    /// </summary>
    public static TargetIndex Of(IReadOnlyList<ExecutableTarget> declared, IEnumerable<ExecutableTarget> extra)
    {
        var targets = new List<ExecutableTarget>(declared);
        var positions = new Positions(targets);
        foreach (var target in extra)
            Include(target);

        var predecessors = new List<int[]>(targets.Count);
        var lastSeenBy = new int[targets.Count];
        var buffer = new List<int>();
        // targets grows while this runs: an edge may lead to a target that was not declared.
        for (var position = 0; position < targets.Count; position++)
        {
            var target = targets[position];
            buffer.Clear();
            Add(target.ExecutionDependencies);
            Add(target.OrderDependencies);
            Add(target.TriggeredBy);
            predecessors.Add(buffer.ToArray());
            foreach (var triggered in target.Triggers)
                Include(triggered);

            void Add(List<ExecutableTarget> edges)
            {
                foreach (var edge in edges)
                {
                    var other = Include(edge);
                    if (other >= lastSeenBy.Length)
                        Array.Resize(ref lastSeenBy, Math.Max(other + 1, lastSeenBy.Length * 2));
                    // Stored as position + 1 so that the array's initial zeros mean "not seen by anyone".
                    if (lastSeenBy[other] == position + 1)
                        continue;
                    lastSeenBy[other] = position + 1;
                    buffer.Add(other);
                }
            }
        }
        return new TargetIndex(targets, declared.Count, positions, [.. predecessors]);

        int Include(ExecutableTarget target)
        {
            if (positions.TryFind(target, out var position))
                return position;
            positions.Add(target);
            return targets.Count - 1;
        }
    }

    // Targets are numbered by declaration, so a declared target's Index is usually its position and needs no
    // hashing; only targets found elsewhere (or a list not in declaration order) go through the dictionary.
    private sealed class Positions
    {
        private readonly List<ExecutableTarget> _targets;
        private readonly Dictionary<ExecutableTarget, int> _others = new(ReferenceEqualityComparer.Instance);

        public Positions(List<ExecutableTarget> declared)
        {
            _targets = declared;
            for (var position = 0; position < declared.Count; position++)
            {
                if (declared[position].Index != position)
                    _others.TryAdd(declared[position], position);
            }
        }

        public bool TryFind(ExecutableTarget target, out int position)
        {
            position = target.Index;
            if (position >= 0 && position < _targets.Count && ReferenceEquals(_targets[position], target))
                return true;
            return _others.TryGetValue(target, out position);
        }

        public void Add(ExecutableTarget target)
        {
            _others[target] = _targets.Count;
            _targets.Add(target);
        }
    }
}
