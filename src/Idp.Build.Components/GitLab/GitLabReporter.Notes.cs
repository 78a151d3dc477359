using System.Text.RegularExpressions;

namespace Idp.Build.Components.GitLab;

// One note per topic on the merge request, found again by a hidden marker so that re-runs edit it in place.
public sealed partial class GitLabReporter
{
    private readonly Dictionary<string, long> _noteIds = [];
    private readonly SemaphoreSlim _notesGate = new(1, 1);

    /// <summary>
    /// Publishes <paramref name="markdown"/> as the merge request's note for <paramref name="topic"/> (e.g.
    /// <c>quality-gate</c>, <c>deploy-diagnosis</c>): the first call creates it, later calls and later pipelines
    /// update the same note. Does nothing outside a merge request.
    /// </summary>
    /// <param name="topic">Letters, digits and dashes; identifies the note among the build's notes.</param>
    /// <param name="markdown">The note's body.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task PublishMergeRequestNoteAsync(string topic, string markdown, CancellationToken cancellationToken = default)
    {
        if (!TopicPattern().IsMatch(topic))
            throw new ArgumentException($"Note topic '{topic}' must be letters, digits and dashes (it becomes the hidden marker <!-- idp:{topic} -->).", nameof(topic));
        if (IsEnabled && _settings.MergeRequestIid is null)
            return Task.CompletedTask;
        return Guard($"publish the '{topic}' merge-request note", client => UpsertNoteAsync(client, topic, markdown, cancellationToken));
    }

    /// <summary>The hidden first line that marks the build's note for a topic.</summary>
    public static string Marker(string topic) => $"<!-- idp:{topic} -->";

    private async Task UpsertNoteAsync(GitLabClient client, string topic, string markdown, CancellationToken cancellationToken)
    {
        var project = _settings.ProjectId!;
        var iid = _settings.MergeRequestIid!.Value;
        var body = Marker(topic) + "\n" + markdown;
        await _notesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_noteIds.TryGetValue(topic, out var noteId))
            {
                await foreach (var note in client.ListMergeRequestNotesAsync(project, iid, cancellationToken).ConfigureAwait(false))
                {
                    if (!note.System && note.Body.StartsWith(Marker(topic), StringComparison.Ordinal))
                    {
                        noteId = note.Id;
                        if (note.Body == body)
                        {
                            _noteIds[topic] = noteId;
                            return;
                        }
                        break;
                    }
                }
            }
            var saved = noteId == 0
                ? await client.CreateMergeRequestNoteAsync(project, iid, body, cancellationToken).ConfigureAwait(false)
                : await client.UpdateMergeRequestNoteAsync(project, iid, noteId, body, cancellationToken).ConfigureAwait(false);
            _noteIds[topic] = saved.Id;
        }
        finally
        {
            _notesGate.Release();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex TopicPattern();
}
