using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Campaign.Host.Api;

/// <summary>
/// The first file of a multipart/form-data upload, read straight from the request as it arrives: nothing is buffered
/// in memory or on disk first.
/// </summary>
internal static class UploadedFile
{
    /// <summary>The file's format (<c>json</c> for a .json name or a JSON content type, else <c>csv</c>) and its content, or null when the form has no file.</summary>
    public static async Task<(string? Format, Stream? Stream)?> OpenAsync(HttpRequest request, Stream body, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
            return (FormatOf(name, section.ContentType), section.Body);
        }

        return null;
    }

    /// <summary><c>json</c> for a .json name or a JSON content type, else <c>csv</c>.</summary>
    public static string FormatOf(string fileName, string? contentType) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? "json"
            : "csv";
}
