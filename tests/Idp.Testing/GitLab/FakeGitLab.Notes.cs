using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.GitLab;

// GET/POST /projects/:id/merge_requests/:iid/notes and PUT …/notes/:note_id.
public sealed partial class FakeGitLab
{
    private static (int, object) ListNotes(HttpContext context, FakeProject project, string iid, RequestParameters parameters)
    {
        if (!TryMergeRequest(project, iid, out var notes))
            return (404, new { message = "404 Not found" });
        IEnumerable<FakeNote> ordered = parameters["order_by"] == "updated_at" ? notes.OrderBy(n => n.UpdatedAt) : notes.OrderBy(n => n.CreatedAt);
        // GitLab lists notes newest first unless sort=asc.
        if (parameters["sort"] != "asc")
            ordered = ordered.Reverse();
        return Page(context, ordered.Select(n => NoteJson(project, iid, n)).ToList(), parameters);
    }

    private (int, object) PostNote(FakeProject project, string iid, RequestParameters parameters)
    {
        if (!TryMergeRequest(project, iid, out var notes))
            return (404, new { message = "404 Not found" });
        if (string.IsNullOrEmpty(parameters["body"]))
            return Missing("body");
        var note = new FakeNote { Id = NextId(), Body = parameters["body"]! };
        notes.Add(note);
        return (201, NoteJson(project, iid, note));
    }

    private static (int, object) PutNote(FakeProject project, string iid, string noteId, RequestParameters parameters)
    {
        if (!TryMergeRequest(project, iid, out var notes))
            return (404, new { message = "404 Not found" });
        var note = notes.FirstOrDefault(n => n.Id.ToString(CultureInfo.InvariantCulture) == noteId);
        if (note is null)
            return (404, new { message = "404 Note Not Found" });
        if (string.IsNullOrEmpty(parameters["body"]))
            return Missing("body");
        note.Body = parameters["body"]!;
        note.UpdatedAt = DateTimeOffset.UtcNow;
        return (200, NoteJson(project, iid, note));
    }

    private static bool TryMergeRequest(FakeProject project, string iid, out List<FakeNote> notes)
    {
        notes = null!;
        return long.TryParse(iid, CultureInfo.InvariantCulture, out var number) && project.MergeRequests.TryGetValue(number, out notes!);
    }

    private static object NoteJson(FakeProject project, string iid, FakeNote note) => new Dictionary<string, object?>
    {
        ["id"] = note.Id,
        ["type"] = null,
        ["body"] = note.Body,
        ["attachment"] = null,
        ["author"] = Author,
        ["created_at"] = note.CreatedAt,
        ["updated_at"] = note.UpdatedAt,
        ["system"] = note.System,
        ["noteable_id"] = 377,
        ["noteable_type"] = "MergeRequest",
        ["noteable_iid"] = long.Parse(iid, CultureInfo.InvariantCulture),
        ["project_id"] = project.Id,
        ["resolvable"] = false,
        ["confidential"] = false,
        ["internal"] = false,
    };
}
