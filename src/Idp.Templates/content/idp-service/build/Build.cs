using Idp.Build;
using Idp.Build.Components;

class Build : IdpBuild, IGoldenPath
{
    public static int Main() => Execute<Build>();
}
