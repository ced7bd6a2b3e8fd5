using System.Text.Json;

namespace Campaign.Host.Api;

/// <summary>Reads a JSON request body, turning what System.Text.Json refuses into a problem that names the field.</summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported body type",
                detail: $"Send the body as application/json, e.g. {example}."));
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(cancellationToken);
            return body is null
                ? (null, ApiProblems.BadRequest($"the body is empty; send a JSON object, e.g. {example}", "body"))
                : (body, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var detail = ex.Message switch
            {
                var m when m.Contains("could not be mapped", StringComparison.Ordinal) => $"{field}: is not a known field",
                var m when m.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) => $"{field}: has a value of the wrong type",
                _ => $"the body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})",
            };
            return (null, ApiProblems.BadRequest(detail, field));
        }
    }

    /// <summary><c>$.faq[0].answer</c> → <c>faq[0].answer</c>; the whole body is <c>body</c>.</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
