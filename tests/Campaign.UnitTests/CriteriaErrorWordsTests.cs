using Campaign.Host.Ui;

namespace Campaign.UnitTests;

public class CriteriaErrorWordsTests
{
    [Theory]
    [InlineData("criteria.all[1].withinDays", "criteria.all[1].withinDays: expected a whole number of days between 1 and 36500", "Condition 2 (issue reported within): days must be a whole number between 1 and 36500")]
    [InlineData("criteria.all[0].issueCategory", "criteria.all[0].issueCategory: expected a non-empty text", "Condition 1 (issue category): is empty; type a value")]
    [InlineData("criteria.any[2].not.any[0].area[3]", "criteria.any[2].not.any[0].area[3]: a value is at most 200 characters", "Condition 3.1 (areas, value 4): a value is at most 200 characters")]
    [InlineData("criteria.all[0].attribute.name", "criteria.all[0].attribute.name: expected a non-empty text", "Condition 1 (attribute name): is empty; type a value")]
    [InlineData("criteria.all[3].days", "criteria.all[3].days: 'answeredWithinDays' needs a number of days", "Condition 4 (contact history days): 'answeredWithinDays' needs a number of days")]
    [InlineData("criteria.all[1]", "criteria.all[1]: 'zone' is not a criterion; expected one of all, any", "Condition 2: 'zone' is not a criterion; expected one of all, any")]
    [InlineData("criteria.all[1].any", "criteria.all[1].any: needs at least one condition", "Condition 2 (any of these): add at least one condition")]
    [InlineData("criteria", "criteria: expected an object such as { \"area\": [\"Riverside\"] }", "The conditions: expected an object such as { \"area\": [\"Riverside\"] }")]
    [InlineData("criteria.tag", "criteria.tag: expected a non-empty text", "Tag: is empty; type a value")]
    [InlineData(null, "the criteria are not valid JSON", "the criteria are not valid JSON")]
    [InlineData("name", "is required", "is required")]
    public void A_criteria_path_is_put_in_words(string? path, string detail, string expected) =>
        Assert.Equal(expected, CriteriaErrorWords.Describe(path, detail));
}
