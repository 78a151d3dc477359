using System.Linq.Expressions;
using Idp.Build.Discovery;
using Idp.Build.Parameters;

namespace Idp.Build;

// IBuild, implemented over the run's context.
public abstract partial class IdpBuild
{
    public AbsolutePath RootDirectory => Context.RootDirectory;
    public AbsolutePath TemporaryDirectory => Context.TemporaryDirectory;
    public Host Host => Context.Host;
    public bool IsLocalBuild => !Context.Host.IsServerBuild;
    public bool IsServerBuild => Context.Host.IsServerBuild;
    public BuildLog Log => Context.Log;
    public bool IsFailing => Context.IsFailing;

    public T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : class => (T?)ReadParameter(parameter);

    public T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : struct => (T?)ReadParameter(parameter);

    public void RegisterSecret(string? value) => Context.Masker.Register(value);

    public string Masked(string text) => Context.Masker.Apply(text);

    public void ReportSummary(string note)
    {
        if (Context.CurrentTarget is { } target)
            target.Note = note;
    }

    public TargetStatus StatusOf(Target target) => Context.FindTarget(target)?.Status ?? TargetStatus.None;

    private object? ReadParameter(LambdaExpression parameter)
    {
        var member = MemberNames.MemberOf(parameter);
        var found = Context.Parameters.Find(member) ?? throw new BuildException(
            $"TryGetValue(() => {member.Name}) reads {member.DeclaringType?.Name}.{member.Name}, which has no [Parameter] attribute. " +
            "Add [Parameter(\"description\")] to the member.");
        return Context.Parameters.GetValue(found);
    }
}
