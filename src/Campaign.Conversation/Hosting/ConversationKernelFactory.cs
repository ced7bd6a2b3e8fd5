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
    /// <param name="modelHttp">The model's HttpClient (<see cref="ModelResilience"/>); required with the OpenAI provider.</param>
    public static Kernel Create(ConversationOptions options, ILoggerFactory? loggerFactory = null, HttpClient? modelHttp = null)
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
                // With its own HttpClient the connector does not retry: the client's resilience pipeline does, within the turn's budget.
                builder.AddOpenAIChatCompletion(openAI.Model!, new Uri(openAI.Endpoint!), string.IsNullOrWhiteSpace(openAI.ApiKey) ? "none" : openAI.ApiKey,
                    httpClient: modelHttp ?? throw new ArgumentNullException(nameof(modelHttp), "The OpenAI provider needs the model's HttpClient."));
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
}
