using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.GitLab;

// Offset pagination as GitLab answers it: page/per_page (default 20, max 100), x-* headers and a Link header.
public sealed partial class FakeGitLab
{
    private static (int, object) Page<T>(HttpContext context, IReadOnlyList<T> items, RequestParameters parameters)
    {
        var perPage = Math.Clamp(int.TryParse(parameters["per_page"], out var size) ? size : 20, 1, 100);
        var totalPages = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var page = Math.Max(1, int.TryParse(parameters["page"], out var number) ? number : 1);
        var headers = context.Response.Headers;
        headers["x-page"] = page.ToString(CultureInfo.InvariantCulture);
        headers["x-per-page"] = perPage.ToString(CultureInfo.InvariantCulture);
        headers["x-total"] = items.Count.ToString(CultureInfo.InvariantCulture);
        headers["x-total-pages"] = totalPages.ToString(CultureInfo.InvariantCulture);
        headers["x-next-page"] = page < totalPages ? (page + 1).ToString(CultureInfo.InvariantCulture) : "";
        headers["x-prev-page"] = page > 1 ? (page - 1).ToString(CultureInfo.InvariantCulture) : "";

        var links = new List<string>();
        if (page > 1)
            links.Add($"<{PageUrl(context.Request, page - 1, perPage)}>; rel=\"prev\"");
        if (page < totalPages)
            links.Add($"<{PageUrl(context.Request, page + 1, perPage)}>; rel=\"next\"");
        links.Add($"<{PageUrl(context.Request, 1, perPage)}>; rel=\"first\"");
        links.Add($"<{PageUrl(context.Request, totalPages, perPage)}>; rel=\"last\"");
        headers.Link = string.Join(", ", links);

        return (200, items.Skip((page - 1) * perPage).Take(perPage).ToList());
    }

    private static string PageUrl(HttpRequest request, int page, int perPage)
    {
        var query = request.Query.Where(q => q.Key is not ("page" or "per_page"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"page={page}").Append($"per_page={perPage}");
        return $"{request.Scheme}://{request.Host}{request.PathBase.Value}{request.Path.Value}?{string.Join("&", query)}";
    }
}
