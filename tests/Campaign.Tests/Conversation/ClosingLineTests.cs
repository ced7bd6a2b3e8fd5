using Campaign.Conversation.Agent;

namespace Campaign.Tests.Conversation;

/// <summary>The goodbye detector: a reply that takes leave ends the call; one that merely mentions a farewell does not.</summary>
public sealed class ClosingLineTests
{
    [Theory]
    [InlineData("Goodbye.")]
    [InlineData("Thanks for your time, goodbye!")]
    [InlineData("Thank you, Ana. Have a good day.")]
    [InlineData("I hope you have a nice day.")]
    [InlineData("Okay, bye for now.")]
    [InlineData("Bye-bye!")]
    [InlineData("Goodbye, Ana.")]
    [InlineData("Take care, and thanks again.")]
    [InlineData("Goodbye! Thanks again for your patience.")]
    [InlineData("We'll send the details today. Have a great evening!")]
    public void A_farewell_not_followed_by_a_question_is_a_goodbye(string reply) => Assert.True(ClosingLine.IsGoodbye(reply));

    [Theory]
    [InlineData("")]
    [InlineData("Would you like us to send you more information?")]
    [InlineData("Before we say goodbye, is there anything else I can help with?")]
    [InlineData("Have a nice day! Oh, one more thing: would you like a technician to visit?")]
    [InlineData("With the new transformer you can say goodbye to power cuts at night.")]
    [InlineData("Our crews will take care of it this week.")]
    [InlineData("Good morning, Ana, this is Alex from Lakeshore Utilities.")]
    [InlineData("I'll note that down. By the way, did the power come back?")]
    public void Anything_else_is_not(string reply) => Assert.False(ClosingLine.IsGoodbye(reply));
}
