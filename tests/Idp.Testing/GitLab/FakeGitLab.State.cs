namespace Idp.Testing.GitLab;

// What the fake stores, and how tests seed and inspect it.
public sealed partial class FakeGitLab
{
    private readonly List<FakeProject> _projects = [];
    private long _nextId = 1;

    /// <summary>Adds a project reachable by its numeric id and by its path.</summary>
    public FakeProject AddProject(long id, string path)
    {
        lock (_gate)
        {
            var project = new FakeProject(id, path);
            _projects.Add(project);
            return project;
        }
    }

    private FakeProject? FindProject(string idOrPath)
    {
        lock (_gate)
            return _projects.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == idOrPath || p.Path == idOrPath);
    }

    private long NextId()
    {
        lock (_gate)
            return _nextId++;
    }
}

/// <summary>A project of the fake: its commits, merge requests and the records the API created.</summary>
public sealed class FakeProject(long id, string path)
{
    /// <summary>The numeric id.</summary>
    public long Id { get; } = id;

    /// <summary>The <c>group/project</c> path.</summary>
    public string Path { get; } = path;

    /// <summary>Commit SHAs that exist (statuses on others answer 404).</summary>
    public HashSet<string> Commits { get; } = [];

    /// <summary>Merge requests by iid, each with its notes in creation order.</summary>
    public Dictionary<long, List<FakeNote>> MergeRequests { get; } = [];

    /// <summary>Commit statuses in creation order.</summary>
    public List<FakeCommitStatus> Statuses { get; } = [];

    /// <summary>Environments in creation order.</summary>
    public List<FakeEnvironment> Environments { get; } = [];

    /// <summary>Deployments in creation order.</summary>
    public List<FakeDeployment> Deployments { get; } = [];

    /// <summary>Adds a commit and returns the project, for chaining.</summary>
    public FakeProject WithCommit(string sha)
    {
        Commits.Add(sha);
        return this;
    }

    /// <summary>Adds a merge request with no notes and returns the project, for chaining.</summary>
    public FakeProject WithMergeRequest(long iid)
    {
        MergeRequests[iid] = [];
        return this;
    }
}

/// <summary>A commit status.</summary>
public sealed class FakeCommitStatus
{
    public required long Id { get; init; }
    public required string Sha { get; init; }
    public required string Name { get; init; }
    public string? Ref { get; init; }
    public required string Status { get; set; }
    public string? TargetUrl { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>A merge-request note.</summary>
public sealed class FakeNote
{
    public required long Id { get; init; }
    public required string Body { get; set; }
    public bool System { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>An environment.</summary>
public sealed class FakeEnvironment
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public string? ExternalUrl { get; set; }
    public string Tier { get; set; } = "other";
    public string State { get; set; } = "available";
}

/// <summary>A deployment.</summary>
public sealed class FakeDeployment
{
    public required long Id { get; init; }
    public required long Iid { get; init; }
    public required string Ref { get; init; }
    public required string Sha { get; init; }
    public required bool Tag { get; init; }
    public required string Status { get; set; }
    public required FakeEnvironment Environment { get; init; }
}
