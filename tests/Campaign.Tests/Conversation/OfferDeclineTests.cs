using Campaign.Conversation.Understanding;

namespace Campaign.Tests.Conversation;

/// <summary>A refusal of the offer is not taken for a refusal of the calls; a refusal of the calls never passes for one.</summary>
public class OfferDeclineTests
{
    [Theory]
    [InlineData("I don't want it, thanks.")]
    [InlineData("No, I think I've got enough.")]
    [InlineData("None that I can think of.")]
    [InlineData("Nah, I don't need the inspection.")]
    [InlineData("I'm not talking to a computer, no thanks.")]
    public void Declining_the_offer_alone_is_recognised(string text) => Assert.True(OfferDecline.IsOfferDecline(text));

    [Theory]
    [InlineData("I don't want it, stop calling me.")]
    [InlineData("I don't want it, and don't ring again.")]
    [InlineData("I've had enough of you people.")]
    [InlineData("I don't want it, take me off your list.")]
    [InlineData("Yes please, send me more information.")]
    public void A_refusal_that_touches_the_calls_is_not_an_offer_decline(string text) => Assert.False(OfferDecline.IsOfferDecline(text));

    [Theory]
    [InlineData("I don't want it, stop calling me.")]
    [InlineData("I don't want it. Never call this number again.")]
    public void An_opt_out_after_declining_the_offer_is_still_one(string text) =>
        Assert.Equal(OptOutSignal.Definite, OptOutRecognizer.RulesOnly.Classify(text));
}
