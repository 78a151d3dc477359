using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Idp.Build.Components.GitLab;

// Offset and keyset pagination alike: follow Link rel="next"; fall back to x-next-page when Link is absent.
public sealed partial class GitLabClient
{
    private const int PageSize = 100;

    private async IAsyncEnumerable<T> PagesAsync<T>(string path, JsonTypeInfo<List<T>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"per_page={PageSize}";
        while (next is not null)
        {
            using var response = await SendRawAsync(HttpMethod.Get, next, body: null, cancellationToken).ConfigureAwait(false);
            var items = await ReadAsync(HttpMethod.Get, path, response, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
                yield return item;
            next = NextPage(response, next);
        }
    }

    private static string? NextPage(HttpResponseMessage response, string current)
    {
        if (response.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(",", links)) is { Success: true } match)
            return match.Groups[1].Value;
        if (response.Headers.TryGetValues("x-next-page", out var pages) && pages.FirstOrDefault() is { Length: > 0 } page)
            return PageParameter().IsMatch(current) ? PageParameter().Replace(current, $"page={page}") : current + $"&page={page}";
        return null;
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex(@"(?<=[?&])page=\d+")]
    private static partial Regex PageParameter();
}
