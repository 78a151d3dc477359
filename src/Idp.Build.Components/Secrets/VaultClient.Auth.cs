namespace Idp.Build.Components.Secrets;

// The token: obtained on first use, renewed with renew-self at two thirds of its lease while renewable, and
// obtained again by a fresh login when it can no longer be renewed (a given token cannot log in again).
public sealed partial class VaultClient
{
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;
    private DateTimeOffset? _renewAt;
    private bool _renewable;

    /// <summary>Logs in now (for a given token: looks it up) and returns the token's <c>auth</c> information.</summary>
    public async Task<AuthInfo> LoginAsync(CancellationToken cancellationToken = default)
    {
        await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary>Extends the token's lease by <paramref name="increment"/> (its own TTL when null); fails when it is not renewable.</summary>
    public async Task<AuthInfo> RenewSelfAsync(TimeSpan? increment = null, CancellationToken cancellationToken = default)
    {
        await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null)
                await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
            return await RenewCoreAsync(increment, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    /// <summary>Describes the client's token (<c>auth/token/lookup-self</c>).</summary>
    public async Task<Secret<TokenInfo>> LookupSelfAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Get, "auth/token/lookup-self", null, await TokenAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
            throw Failure(answer, HttpMethod.Get, "auth/token/lookup-self");
        return Deserialize(answer, VaultJson.Default.SecretTokenInfo, "auth/token/lookup-self");
    }

    /// <summary>Revokes the client's token (do this at the end of a job); the next request logs in again.</summary>
    public async Task RevokeSelfAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "auth/token/revoke-self", null, await TokenAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
            throw Failure(answer, HttpMethod.Post, "auth/token/revoke-self");
        ResetVaultToken();
    }

    /// <summary>Forgets the token; the next request logs in again.</summary>
    public void ResetVaultToken()
    {
        _token = null;
        _renewAt = null;
    }

    /// <summary>The current token, after logging in or renewing when due.</summary>
    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null)
            {
                await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (_renewAt is { } due && _settings.TimeProvider.GetUtcNow() >= due)
            {
                if (_renewable)
                {
                    try
                    {
                        await RenewCoreAsync(null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (VaultApiException) when (AuthMethodInfo.CanLogIn)
                    {
                        await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (VaultApiException)
                    {
                        // A given token may still be valid until its end; the request itself will say if it is not.
                        _renewAt = null;
                    }
                }
                else if (AuthMethodInfo.CanLogIn)
                {
                    await LoginCoreAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    _renewAt = null;
                }
            }
            return _token!;
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private async Task<AuthInfo> LoginCoreAsync(CancellationToken cancellationToken)
    {
        if (AuthMethodInfo is TokenAuthMethodInfo given)
        {
            var lookup = await SendAsync(HttpMethod.Get, "auth/token/lookup-self", null, given.VaultToken, cancellationToken).ConfigureAwait(false);
            if (!lookup.IsSuccess)
                throw LoginFailure(lookup, HttpMethod.Get, "auth/token/lookup-self");
            var info = Deserialize(lookup, VaultJson.Default.SecretTokenInfo, "auth/token/lookup-self").Data ?? new TokenInfo();
            return Accept(new AuthInfo
            {
                ClientToken = given.VaultToken,
                Accessor = info.Accessor,
                Policies = info.Policies,
                TokenPolicies = info.Policies,
                LeaseDurationSeconds = info.TimeToLiveSeconds,
                Renewable = info.Renewable,
            });
        }
        var answer = await SendAsync(HttpMethod.Post, AuthMethodInfo.LoginPath, AuthMethodInfo.LoginBody, null, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
            throw LoginFailure(answer, HttpMethod.Post, AuthMethodInfo.LoginPath);
        var auth = Deserialize(answer, VaultJson.Default.SecretAuthInfo, AuthMethodInfo.LoginPath).AuthInfo;
        if (auth is null || string.IsNullOrEmpty(auth.ClientToken))
            throw new VaultException($"Vault at {Address} accepted the login of {AuthMethodInfo} but sent no token (no auth.client_token). Check that {AuthMethodInfo.LoginPath} is an auth method's login path.");
        return Accept(auth);
    }

    private async Task<AuthInfo> RenewCoreAsync(TimeSpan? increment, CancellationToken cancellationToken)
    {
        var body = new VaultRequest { Increment = increment is { } by ? $"{(long)by.TotalSeconds}s" : null };
        var answer = await SendAsync(HttpMethod.Post, "auth/token/renew-self", body, _token, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
            throw Failure(answer, HttpMethod.Post, "auth/token/renew-self");
        var auth = Deserialize(answer, VaultJson.Default.SecretAuthInfo, "auth/token/renew-self").AuthInfo
            ?? throw new VaultException($"Vault at {Address} answered renew-self without an auth block: {VaultAnswer.Shorten(answer.Body)}.");
        return Accept(auth);
    }

    private AuthInfo Accept(AuthInfo auth)
    {
        _settings.RegisterSecret(auth.ClientToken);
        _token = auth.ClientToken;
        _renewable = auth.Renewable;
        _renewAt = auth.LeaseDurationSeconds > 0
            ? _settings.TimeProvider.GetUtcNow() + TimeSpan.FromSeconds(auth.LeaseDurationSeconds * 2.0 / 3)
            : null;
        return auth;
    }
}
