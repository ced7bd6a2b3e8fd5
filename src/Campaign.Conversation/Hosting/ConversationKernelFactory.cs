using Campaign.Conversation.Functions;
using Campaign.Conversation.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Campaign.Conversation.Hosting;

/// <summary>Builds the template kernel every turn clones: the chat service of the configured provider and the call plugin.</summary>
public static class ConversationKernelFactory
{
    public static Kernel Create(ConversationOptions options, ILoggerFactory? loggerFactory = null)
    {
        var builder = Kernel.CreateBuilder();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        switch (ConversationServices.Validate(options))
        {
            case ConversationProviders.OpenAI:
                var openAI = options.OpenAI;
                builder.AddOpenAIChatCompletion(openAI.Model!, new Uri(openAI.Endpoint!), string.IsNullOrWhiteSpace(openAI.ApiKey) ? "none" : openAI.ApiKey, httpClient: CreateHttpClient());
                break;
            default:
                builder.Services.AddSingleton<IChatCompletionService, OfflineScriptChatService>();
                break;
        }

        builder.Plugins.AddFromType<CallFunctions>(CallFunctions.PluginName);
        return builder.Build();
    }

    // The agent bounds each turn with Conversation:OpenAI:TimeoutSeconds; with its own HttpClient the connector does
    // not retry, so a failing model costs one request, not several.
    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
