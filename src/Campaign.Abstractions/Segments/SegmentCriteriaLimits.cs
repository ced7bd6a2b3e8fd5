using System.Text.Json;

namespace Campaign.Abstractions.Segments;

/// <summary>
/// How large criteria may be, checked on the JSON before anything is parsed or saved: a segment or campaign that is
/// stored must always be cheap to count and list.
/// </summary>
public static class SegmentCriteriaLimits
{
    /// <summary>Conditions (objects) in one criteria tree.</summary>
    public const int MaxConditions = 100;

    /// <summary>Values in one list, such as the areas of one <c>area</c> condition.</summary>
    public const int MaxValuesPerList = 1000;

    /// <summary>Values in all lists together.</summary>
    public const int MaxValues = 5000;

    /// <summary>Characters in one value.</summary>
    public const int MaxTextLength = 200;

    public static void Check(JsonElement criteria, string path = "criteria")
    {
        var conditions = 0;
        var values = 0;
        Walk(criteria, path);

        void Walk(JsonElement node, string at)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    if (++conditions > MaxConditions)
                    {
                        throw new SegmentCriteriaException(at, $"criteria hold more than {MaxConditions} conditions; split the audience into segments");
                    }

                    foreach (var property in node.EnumerateObject())
                    {
                        Walk(property.Value, $"{at}.{property.Name}");
                    }

                    break;
                case JsonValueKind.Array:
                    var length = node.GetArrayLength();
                    if (length > MaxValuesPerList)
                    {
                        throw new SegmentCriteriaException(at, $"a list holds at most {MaxValuesPerList} values (found {length})");
                    }

                    var i = 0;
                    foreach (var item in node.EnumerateArray())
                    {
                        Walk(item, $"{at}[{i++}]");
                    }

                    break;
                case JsonValueKind.String:
                    if (++values > MaxValues)
                    {
                        throw new SegmentCriteriaException(at, $"criteria hold more than {MaxValues} values in all");
                    }

                    if (node.GetString()!.Length > MaxTextLength)
                    {
                        throw new SegmentCriteriaException(at, $"a value is at most {MaxTextLength} characters");
                    }

                    break;
            }
        }
    }
}
