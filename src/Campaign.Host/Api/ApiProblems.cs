namespace Campaign.Host.Api;

/// <summary>RFC 7807 answers that name what was wrong, so a client can point the user at the field or line.</summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string detail, string? field = null, int? line = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (field is not null)
        {
            extensions["field"] = field;
        }

        if (line is not null)
        {
            extensions["line"] = line;
        }

        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail, extensions: extensions);
    }

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
