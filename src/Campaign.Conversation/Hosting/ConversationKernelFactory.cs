using Campaign.Conversation.Functions;
using Campaign.Conversation.Model;
using Campaign.Conversation.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
                var logger = (ILogger?)loggerFactory?.CreateLogger<ModelRetryHandler>() ?? NullLogger.Instance;
                builder.AddOpenAIChatCompletion(openAI.Model!, new Uri(openAI.Endpoint!), string.IsNullOrWhiteSpace(openAI.ApiKey) ? "none" : openAI.ApiKey, httpClient: CreateHttpClient(openAI, logger));
                break;
            default:
                builder.Services.AddSingleton<IChatCompletionService, OfflineScriptChatService>();
                break;
        }

        builder.Plugins.AddFromType<CallFunctions>(CallFunctions.PluginName);
        builder.Services.AddSingleton<IAutoFunctionInvocationFilter>(
            new ToolArgumentGuard((ILogger?)loggerFactory?.CreateLogger<ToolArgumentGuard>() ?? NullLogger.Instance));
        return builder.Build();
    }

    // The agent bounds each turn with Conversation:OpenAI:TimeoutSeconds. With its own HttpClient the connector does not
    // retry: the retry handler does, within that budget, honouring Retry-After.
    private static HttpClient CreateHttpClient(OpenAIConversationOptions options, ILogger logger) =>
        new(new ModelRetryHandler(options, logger) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
}
