namespace Idp.Build.Components.GitLab;

// Merge request notes: GET/POST /projects/:id/merge_requests/:iid/notes, PUT …/notes/:note_id.
public sealed partial class GitLabClient
{
    /// <summary>Every note of a merge request, oldest first, all pages.</summary>
    public IAsyncEnumerable<MergeRequestNote> ListMergeRequestNotesAsync(string projectId, long mergeRequestIid, CancellationToken cancellationToken = default) =>
        PagesAsync($"{NotesPath(projectId, mergeRequestIid)}?sort=asc&order_by=created_at", GitLabJson.Default.ListMergeRequestNote, cancellationToken);

    /// <summary>Adds a note with a markdown body to a merge request.</summary>
    public Task<MergeRequestNote> CreateMergeRequestNoteAsync(string projectId, long mergeRequestIid, string body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, NotesPath(projectId, mergeRequestIid), Body(new NoteRequest(body), GitLabJson.Default.NoteRequest), GitLabJson.Default.MergeRequestNote, cancellationToken);

    /// <summary>Replaces the body of an existing note.</summary>
    public Task<MergeRequestNote> UpdateMergeRequestNoteAsync(string projectId, long mergeRequestIid, long noteId, string body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"{NotesPath(projectId, mergeRequestIid)}/{noteId}", Body(new NoteRequest(body), GitLabJson.Default.NoteRequest), GitLabJson.Default.MergeRequestNote, cancellationToken);

    private static string NotesPath(string projectId, long mergeRequestIid) => $"/projects/{Project(projectId)}/merge_requests/{mergeRequestIid}/notes";

    internal sealed record NoteRequest(string Body);
}
