using Idp.Build.Components.Platform;

namespace Idp.Build.Components.Tests.Platform;

/// <summary>A BuildKit client asks for builder version 2 on image builds, and changes no other request.</summary>
public sealed class BuildKitRequestVersion
{
    [Theory]
    [InlineData("POST", "http://docker/v1.41/build?t=a%3A1&dockerfile=Dockerfile", "http://docker/v1.41/build?t=a%3A1&dockerfile=Dockerfile&version=2")]
    [InlineData("POST", "http://docker/v1.41/build", "http://docker/v1.41/build?version=2")]
    [InlineData("GET", "http://docker/v1.41/build?t=a", "http://docker/v1.41/build?t=a")]
    [InlineData("POST", "http://docker/v1.41/images/a/push?tag=1", "http://docker/v1.41/images/a/push?tag=1")]
    [InlineData("POST", "http://docker/v1.41/containers/create", "http://docker/v1.41/containers/create")]
    public async Task Only_a_POST_to_build_gets_version_2(string method, string sent, string expected)
    {
        var received = new RecordingHandler();
        using var client = new HttpClient(new BuildKitRequests().GetHandler(received));

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), sent));

        received.Uri.ShouldBe(new Uri(expected));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
