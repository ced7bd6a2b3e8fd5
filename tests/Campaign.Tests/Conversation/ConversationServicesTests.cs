using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Hosting;
using Campaign.Conversation.Offline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Campaign.Tests.Conversation;

public class ConversationServicesTests
{
    [Theory]
    [InlineData("Anthropic", "Conversation:Provider 'Anthropic' is not known")]
    [InlineData("OpenAI", "Conversation:OpenAI:Endpoint is not an http(s) URL")]
    public void Unusable_settings_fail_at_startup_with_what_to_fix(string provider, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddConversation(Configuration(("Conversation:Provider", provider))));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_openai_endpoint_needs_a_model()
    {
        var configuration = Configuration(("Conversation:Provider", "openai"), ("Conversation:OpenAI:Endpoint", "http://127.0.0.1:9/v1"));

        Assert.Contains("Conversation:OpenAI:Model", Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddConversation(configuration)).Message);
    }

    [Fact]
    public void The_offline_engine_is_the_default_and_replaces_any_earlier_agent()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConversationAgent, PlaceholderAgent>();
        services.AddSingleton(Substitute());

        using var provider = services.AddConversation(Configuration()).BuildServiceProvider();

        Assert.IsType<KernelConversationAgent>(provider.GetRequiredService<IConversationAgent>());
        Assert.IsType<OfflineScriptChatService>(provider.GetRequiredService<Kernel>().GetRequiredService<IChatCompletionService>());
        Assert.Equal(6, provider.GetRequiredService<Kernel>().Plugins["call"].FunctionCount);
    }

    private static Campaign.Conversation.Scripts.IScriptSource Substitute() => new Support.InMemoryScriptSource();

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private sealed class PlaceholderAgent : IConversationAgent
    {
        public Task<AgentTurn> OpenTurnAsync(ConversationSession session, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AgentTurn> ReplyTurnAsync(ConversationSession session, string? customerText, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public AgentTurnStream StreamTurn(ConversationSession session, string? customerText, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public AgentTurn InterruptedTurn(ConversationSession session, string? heard) => throw new NotSupportedException();

        public Task<AgentConclusion> ConcludeTurnAsync(ConversationSession session, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
