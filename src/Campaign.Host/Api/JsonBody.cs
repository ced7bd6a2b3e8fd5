using System.Text.Json;

namespace Campaign.Host.Api;

/// <summary>
/// Reads a JSON request body, turning what System.Text.Json refuses into a problem that names the field. Endpoints
/// declare <c>Accepts("application/json")</c>, so other content types are answered 415 before getting here.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
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
            return (null, ex.Message switch
            {
                var m when m.Contains("could not be mapped", StringComparison.Ordinal) => ApiProblems.BadRequest($"{field}: is not a known field", field),
                var m when m.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
                    ApiProblems.BadRequest($"{field}: has a value of the wrong type", field),
                _ => ApiProblems.BadRequest($"the body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})", "body"),
            });
        }
    }

    /// <summary><c>$.faq[0].answer</c> → <c>faq[0].answer</c>; the whole body is <c>body</c>.</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
