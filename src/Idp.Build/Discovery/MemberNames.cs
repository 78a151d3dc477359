using System.Linq.Expressions;
using System.Reflection;

namespace Idp.Build.Discovery;

/// <summary>Reads member names out of selector expressions and explicit interface implementations.</summary>
internal static class MemberNames
{
    /// <summary>"Idp.Build.Components.ITest.Test" → "Test".</summary>
    public static string ShortName(string memberName) => memberName[(memberName.LastIndexOf('.') + 1)..];

    public static string Of(LambdaExpression selector) => ShortName(MemberOf(selector).Name);

    public static MemberInfo MemberOf(LambdaExpression selector)
    {
        var body = selector.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
            body = convert.Operand;
        return body is MemberExpression member
            ? member.Member
            : throw new BuildException($"'{selector}' must select a member, such as () => SonarToken or x => x.Compile.");
    }
}
