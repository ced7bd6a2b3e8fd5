using System.Text.Json;
using System.Text.Json.Serialization;
using Campaign.Abstractions.Customers;

namespace Campaign.Storage;

/// <summary>Consent records as stored: a JSON array with the kinds in words; absent when none was ever given.</summary>
internal static class ConsentJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string? Write(IReadOnlyList<ConsentRecord>? records) => records is null ? null : JsonSerializer.Serialize(records, Json);

    public static IReadOnlyList<ConsentRecord>? Read(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<List<ConsentRecord>>(json, Json);
}
