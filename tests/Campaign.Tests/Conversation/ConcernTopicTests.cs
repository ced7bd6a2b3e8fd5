using Campaign.Conversation.Understanding;

namespace Campaign.Tests.Conversation;

/// <summary>Concerns are kept as topics: the same concern said several ways is one topic, and small talk is none.</summary>
public class ConcernTopicTests
{
    private static readonly IReadOnlyList<MatchTarget<string>> Issues = [new("Power cuts at night", "Power cuts at night")];

    [Theory]
    [InlineData("I'm worried about the flickering lights.", "flickering lights")]
    [InlineData("the flickering lights, to be honest", "flickering lights")]
    [InlineData("Flickering lights", "flickering lights")]
    [InlineData("The price of the inspection, thanks.", "price of the inspection")]
    [InlineData("Mainly the old wiring, but I suppose it's fine", "old wiring")]
    [InlineData("Will the power keep cutting out?", "will the power keep cutting out")]
    public void A_concern_is_kept_as_a_short_topic(string said, string topic) => Assert.Equal(topic, ConcernTopic.Of(said));

    [Theory]
    [InlineData("The outside security light buzzes all night.", "outside security light")]
    [InlineData("My main worry is the electric car charger we had installed, I'm not sure it was done properly.", "electric car charger")]
    [InlineData("Only that the trip switch goes if I have the oven and the telly on.", "trip switch")]
    [InlineData("The electrics in the loft are a bit dodgy, if I'm honest.", "electrics in the loft")]
    [InlineData("power kuts at nite mostly", "power cuts at night")]
    [InlineData("My worry is the heat pump, it cuts out in the cold weather.", "heat pump")]
    [InlineData("Just the cost, if I'm honest, nothing's ever free, is it?", "cost")]
    [InlineData("The boiler pilot keeps going out.", "boiler pilot")]
    [InlineData("The electric gate keeps losing power and getting stuck half open.", "electric gate")]
    [InlineData("The outdoor sockets in the garden fill up with water whenever it rains.", "outdoor sockets")]
    [InlineData("The transformer box on the corner makes a loud humming noise all day.", "transformer box")]
    [InlineData("Where do I start. The storage heaters are useless.", "storage heaters")]
    [InlineData("The overhead cable to the shed sags right down to head height.", "overhead cable to the shed")]
    [InlineData("The extractor fan rattles and then just stops.", "extractor fan")]
    [InlineData("There's a whiff of gas by the boiler some mornings.", "whiff of gas")]
    [InlineData("A damp socket in the basement.", "damp socket")]
    public void A_concern_outside_the_known_topics_is_named_by_its_noun_phrase(string said, string topic) =>
        Assert.Equal(topic, ConcernTopic.Of(said));

    [Theory]
    [InlineData("The lights keep flickering.", "lights keep flickering")]
    [InlineData("The bill has doubled.", "bill has doubled")]
    [InlineData("I'm worried about charged twice.", "charged twice")]
    [InlineData("I was charged twice for the same month.", "charged twice")]
    [InlineData("The power keeps going off.", "power keeps going off")]
    public void A_one_word_subject_keeps_its_verb(string said, string topic) => Assert.Equal(topic, ConcernTopic.Of(said));

    [Theory]
    [InlineData("power cuts at night")]
    [InlineData("The power cuts at night, to be honest.")]
    [InlineData("Power cuts at night")]
    public void A_concern_that_is_the_reported_issue_is_named_as_the_issue(string said) =>
        Assert.Equal("Power cuts at night", ConcernTopic.Of(said, Issues));

    [Theory]
    [InlineData("Great, thank you.")]
    [InlineData("Okay thanks, have a good day.")]
    [InlineData("Any morning works for me.")]
    [InlineData("Tomorrow after 5 pm is best.")]
    [InlineData("Yes.")]
    [InlineData("No, nothing really.")]
    [InlineData("Who is this?")]
    [InlineData("Are you a robot?")]
    [InlineData("Can you call me back later?")]
    [InlineData("")]
    public void Courtesies_times_yes_or_no_and_questions_about_the_call_are_not_concerns(string said) => Assert.Null(ConcernTopic.Of(said));

    [Theory]
    [InlineData("What's this going to set me back?")]
    [InlineData("Is there money involved?")]
    public void A_question_about_money_names_a_problem(string question) => Assert.True(ConcernTopic.NamesProblem(question));

    [Theory]
    [InlineData("the electric shower keeps cutting out mid-wash", "electric shower")]
    [InlineData("the garage outlets are dead", "garage outlets")]
    [InlineData("the car charger won't charge", "car charger")]
    [InlineData("the electric gate keeps sticking halfway", "electric gate")]
    [InlineData("the garage door opener keeps resetting", "garage door opener")]
    public void A_clause_naming_a_thing_and_its_fault_names_the_thing(string clause, string thing) =>
        Assert.Equal(thing, ConcernTopic.ThingOf(clause));

    [Theory]
    [InlineData("the whole house goes dark")]
    [InlineData("the previous owners never did anything")]
    [InlineData("nobody's touched them since")]
    [InlineData("the kids are scared")]
    public void A_clause_about_a_place_people_or_nothing_wrong_names_no_thing(string clause) => Assert.Null(ConcernTopic.ThingOf(clause));

    [Fact]
    public void A_rambling_concern_is_cut_to_its_first_clause_and_a_few_words()
    {
        var topic = ConcernTopic.Of("the lights flickering every single evening in the kitchen and the hall and the landing upstairs");

        Assert.NotNull(topic);
        Assert.True(topic.Split(' ').Length <= ConcernTopic.MaxWords, topic);
        Assert.StartsWith("lights flickering", topic);
    }
}
