using Idp.Build.Definition;
using Idp.Build.Execution;

namespace Idp.Build.Planning;

/// <summary>A target as the planner and executor see it: edges resolved to other targets, and its run state.</summary>
internal sealed class ExecutableTarget(string name, int index)
{
    public string Name { get; } = name;

    /// <summary>Declaration order; breaks ties between targets that could run at the same point.</summary>
    public int Index { get; } = index;

    public string? Description { get; set; }
    public bool IsListed { get; set; } = true;
    public bool IsDefault { get; set; }
    public bool ProceedAfterFailure { get; set; }
    public bool AssuredAfterFailure { get; set; }
    public DependencyBehavior WhenSkipped { get; set; }

    /// <summary>Targets that must run before this one and are pulled into the plan with it.</summary>
    public List<ExecutableTarget> ExecutionDependencies { get; } = [];

    /// <summary>Targets that, when scheduled, must run before this one.</summary>
    public List<ExecutableTarget> OrderDependencies { get; } = [];

    /// <summary>Targets that trigger this one (it runs after them).</summary>
    public List<ExecutableTarget> TriggeredBy { get; } = [];

    /// <summary>Targets this one triggers.</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public List<Func<Task>> Actions { get; } = [];
    public List<string> Inputs { get; } = [];
    public List<string> Outputs { get; } = [];

    /// <summary>Every target that must have finished before this one may start, when both are scheduled.</summary>
    public IEnumerable<ExecutableTarget> Predecessors => ExecutionDependencies.Concat(OrderDependencies).Concat(TriggeredBy);

    // Run state.
    public bool IsInvoked { get; set; }
    public TargetStatus Status { get; set; } = TargetStatus.None;
    public string? Note { get; set; }
    public TimeSpan Duration { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public Exception? Failure { get; set; }

    public override string ToString() => Name;
}
