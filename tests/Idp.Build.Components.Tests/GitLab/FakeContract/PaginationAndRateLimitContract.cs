using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab.FakeContract;

/// <summary>The fake pages lists with GitLab's x-* and Link headers, and rate-limits with 429 and Retry-After.</summary>
public class PaginationAndRateLimitContract : FakeGitLabScope
{
    [Fact]
    public async Task First_page_has_totals_a_next_page_and_a_next_link()
    {
        AddNotes(45);
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (status, body, response) = await raw.SendAsync(HttpMethod.Get, $"/projects/42/merge_requests/{MergeRequestIid}/notes?sort=asc");

        status.ShouldBe(200);
        body.GetArrayLength().ShouldBe(20, "per_page defaults to 20");
        RawGitLab.Header(response, "x-total").ShouldBe("45");
        RawGitLab.Header(response, "x-total-pages").ShouldBe("3");
        RawGitLab.Header(response, "x-page").ShouldBe("1");
        RawGitLab.Header(response, "x-next-page").ShouldBe("2");
        RawGitLab.Header(response, "Link").ShouldContain("page=2&per_page=20>; rel=\"next\"");
        RawGitLab.Header(response, "Link").ShouldContain("rel=\"last\"");
    }

    [Fact]
    public async Task Last_page_has_an_empty_next_page_and_no_next_link()
    {
        AddNotes(45);
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (_, body, response) = await raw.SendAsync(HttpMethod.Get, $"/projects/42/merge_requests/{MergeRequestIid}/notes?page=3&per_page=20");

        body.GetArrayLength().ShouldBe(5);
        RawGitLab.Header(response, "x-next-page").ShouldBe("");
        RawGitLab.Header(response, "x-prev-page").ShouldBe("2");
        RawGitLab.Header(response, "Link").ShouldNotContain("rel=\"next\"");
    }

    [Fact]
    public async Task Per_page_is_capped_at_100()
    {
        AddNotes(120);
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (_, body, response) = await raw.SendAsync(HttpMethod.Get, $"/projects/42/merge_requests/{MergeRequestIid}/notes?per_page=500");

        body.GetArrayLength().ShouldBe(100);
        RawGitLab.Header(response, "x-per-page").ShouldBe("100");
    }

    [Fact]
    public async Task Rate_limited_request_is_429_with_retry_after_then_the_next_one_passes()
    {
        GitLab.RateLimitNext(1, retryAfterSeconds: 7);
        using var raw = new RawGitLab(GitLab.ApiUrl);

        var (limited, _, response) = await raw.SendAsync(HttpMethod.Get, "/projects/42/environments");
        var (next, _, _) = await raw.SendAsync(HttpMethod.Get, "/projects/42/environments");

        limited.ShouldBe(429);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        next.ShouldBe(200);
    }

    private void AddNotes(int count)
    {
        for (var i = 1; i <= count; i++)
            Project.MergeRequests[MergeRequestIid].Add(new FakeNote { Id = 1000 + i, Body = $"note {i}" });
    }
}
