using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Segments;

namespace Campaign.UnitTests;

public class SegmentCriteriaParserTests
{
    [Fact]
    public void Parses_the_contract_example_into_a_tree()
    {
        var criteria = SegmentCriteriaParser.Parse("""
            { "all": [ { "issueCategory": "electricity", "withinDays": 90 },
                       { "area": ["Riverside", "Oakwood"] },
                       { "not": { "contact": "answeredWithinDays", "days": 30 } } ] }
            """);

        var all = Assert.IsType<AllCriteria>(criteria);
        Assert.Equal(new IssueCategoryCriteria("electricity", 90), all.Items[0]);
        Assert.Equal(["Riverside", "Oakwood"], Assert.IsType<AreaCriteria>(all.Items[1]).Areas);
        var not = Assert.IsType<NotCriteria>(all.Items[2]);
        Assert.Equal(new ContactCriteria(ContactCondition.AnsweredWithinDays, 30), not.Inner);
    }

    [Fact]
    public void Parses_every_leaf_kind()
    {
        var criteria = (AnyCriteria)SegmentCriteriaParser.Parse("""
            { "any": [ { "tag": "vip" }, { "attribute": { "name": "plan", "equals": "basic" } },
                       { "contact": "neverContacted" }, { "contact": "notContactedForDays", "days": 14 },
                       { "lastInterest": "notInterested" }, { "area": "Hillcrest" } ] }
            """);

        Assert.Equal(
            [
                new TagCriteria("vip"),
                new AttributeCriteria("plan", "basic"),
                new ContactCriteria(ContactCondition.NeverContacted, null),
                new ContactCriteria(ContactCondition.NotContactedForDays, 14),
                new LastInterestCriteria(Interest.NotInterested),
            ],
            criteria.Items.Take(5));
        Assert.Equal(["Hillcrest"], ((AreaCriteria)criteria.Items[5]).Areas);
    }

    [Theory]
    [InlineData("""{ "all": [ { "area": [] } ] }""", "criteria.all[0].area")]
    [InlineData("""{ "all": [ { "tag": "x" }, { "area": 5 } ] }""", "criteria.all[1].area")]
    [InlineData("""{ "colour": "red" }""", "criteria")]
    [InlineData("""{ "contact": "answeredWithinDays" }""", "criteria.days")]
    [InlineData("""{ "contact": "neverAnswered", "days": 3 }""", "criteria.days")]
    [InlineData("""{ "contact": "sometimes" }""", "criteria.contact")]
    [InlineData("""{ "issueCategory": "water", "withinDays": -1 }""", "criteria.withinDays")]
    [InlineData("""{ "lastInterest": "maybe" }""", "criteria.lastInterest")]
    [InlineData("""{ "not": { "attribute": { "name": "plan" } } }""", "criteria.not.attribute")]
    [InlineData("""{ "area": ["A"], "tag": "vip" }""", "criteria")]
    [InlineData("""{ "any": [] }""", "criteria.any")]
    public void Rejects_bad_criteria_naming_the_offending_part(string json, string path)
    {
        var error = Assert.Throws<SegmentCriteriaException>(() => SegmentCriteriaParser.Parse(json));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Missing_criteria_means_everyone()
    {
        Assert.Equal(new AllCriteria([]), SegmentCriteriaParser.Parse((System.Text.Json.JsonElement?)null));
    }
}
