using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Campaign.Telephony.Acs;

/// <summary>
/// Checks the JWT Call Automation signs every callback with: signature against the keys published through the OpenID
/// configuration, issuer, audience (the resource id) and lifetime. Keys are cached for an hour and fetched again early
/// when a token names a key not yet seen (key rollover).
/// </summary>
public sealed partial class AcsJwtValidator(AcsJwtOptions options, HttpClient http, TimeProvider clock, ILogger<AcsJwtValidator> logger)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async Task<bool> IsValidAsync(string token, CancellationToken cancellationToken = default)
    {
        try
        {
            var keys = await KeysAsync(forceRefresh: false, cancellationToken);
            var result = await _handler.ValidateTokenAsync(token, Parameters(keys));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && clock.GetUtcNow() - _fetchedAt > MinRefreshInterval)
            {
                keys = await KeysAsync(forceRefresh: true, cancellationToken);
                result = await _handler.ValidateTokenAsync(token, Parameters(keys));
            }

            if (!result.IsValid)
            {
                LogRejected(logger, result.Exception?.GetType().Name ?? "invalid");
            }

            return result.IsValid;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or TaskCanceledException)
        {
            LogKeysUnavailable(logger, ex.Message);
            return false;
        }
    }

    private TokenValidationParameters Parameters(IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKeys = keys,
        ValidateLifetime = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(2),
        LifetimeValidator = (notBefore, expires, _, p) =>
            (notBefore is null || notBefore.Value - p.ClockSkew <= clock.GetUtcNow().UtcDateTime)
            && expires is not null && expires.Value + p.ClockSkew > clock.GetUtcNow().UtcDateTime,
    };

    private async Task<IReadOnlyList<SecurityKey>> KeysAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && _keys.Count > 0 && clock.GetUtcNow() - _fetchedAt < KeyLifetime)
        {
            return _keys;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (!forceRefresh && _keys.Count > 0 && clock.GetUtcNow() - _fetchedAt < KeyLifetime)
            {
                return _keys;
            }

            using var configuration = JsonDocument.Parse(await http.GetStringAsync(options.OpenIdConfigurationUrl, cancellationToken));
            var jwksUri = configuration.RootElement.GetProperty("jwks_uri").GetString() ?? throw new JsonException("jwks_uri is empty");
            var keySet = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken));
            _keys = [.. keySet.GetSigningKeys()];
            _fetchedAt = clock.GetUtcNow();
            return _keys;
        }
        finally
        {
            _refresh.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An ACS callback's JWT was rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ACS signing keys could not be read: {Reason}")]
    private static partial void LogKeysUnavailable(ILogger logger, string reason);
}
