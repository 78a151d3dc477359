namespace Idp.Testing.SonarQube;

// What SonarScanner for .NET's 'end' step leaves behind for the gate to read.
public sealed partial class FakeSonarQube
{
    /// <summary>
    /// Writes <c>.sonarqube/out/.sonar/report-task.txt</c> under <paramref name="scannerDirectory"/> with the keys the
    /// scanner writes, pointing at this fake and <paramref name="task"/>. Returns the file's path.
    /// </summary>
    public string WriteReportTask(string scannerDirectory, FakeCeTask task)
    {
        var directory = Path.Combine(scannerDirectory, ".sonarqube", "out", ".sonar");
        Directory.CreateDirectory(directory);
        var server = Url.AbsoluteUri.TrimEnd('/');
        var path = Path.Combine(directory, "report-task.txt");
        File.WriteAllLines(path,
        [
            $"projectKey={task.ProjectKey}",
            $"serverUrl={server}",
            $"serverVersion={ServerVersion}",
            $"dashboardUrl={server}/dashboard?id={Uri.EscapeDataString(task.ProjectKey)}",
            $"ceTaskId={task.TaskId}",
            $"ceTaskUrl={server}/api/ce/task?id={task.TaskId}",
        ]);
        return path;
    }
}
