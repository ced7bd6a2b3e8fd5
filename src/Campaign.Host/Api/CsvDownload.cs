using System.Text;
using Microsoft.Net.Http.Headers;

namespace Campaign.Host.Api;

/// <summary>
/// CSV answers as files to save: <c>Content-Disposition: attachment</c> with a file name, and UTF-8 with a byte order
/// mark so spreadsheet programs (Excel) read accents and non-Latin names right instead of guessing a legacy code page.
/// </summary>
internal static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 that writes its byte order mark first.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static IResult File(string csv, string fileName) =>
        Results.File([.. Utf8WithBom.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], ContentType, fileName);

    /// <summary>Starts a streamed CSV answer; what is written to the returned writer follows the byte order mark.</summary>
    public static StreamWriter Start(HttpResponse response, string fileName)
    {
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new StreamWriter(response.Body, Utf8WithBom);
    }
}
