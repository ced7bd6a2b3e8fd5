using Microsoft.AspNetCore.Http.Features;

namespace Campaign.Host.Api;

/// <summary>
/// Bounds a request body before anything reads it: a declared length over the limit is refused at once, and a body
/// that turns out longer while it streams in stops being read at the limit (Kestrel then throws a 413
/// <see cref="BadHttpRequestException"/>, turned into a problem by <see cref="Unreadable"/>).
/// </summary>
internal static class RequestBodyLimit
{
    /// <summary>Whether the declared length is over <paramref name="maxBytes"/>; otherwise caps what may be read.</summary>
    public static bool DeclaredTooLarge(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return true;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        return false;
    }

    /// <summary>The answer to a body that cannot be read: too long (<paramref name="tooLarge"/>) or malformed (400); null for other faults.</summary>
    public static IResult? Unreadable(Exception ex, Func<IResult> tooLarge, string field) => ex switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => tooLarge(),
        BadHttpRequestException or InvalidDataException => ApiProblems.BadRequest($"the body cannot be read: {ex.Message}", field),
        _ => null,
    };
}
