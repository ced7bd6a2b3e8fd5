using Campaign.Abstractions.Conversation;
using Campaign.Conversation.Agent;
using Campaign.Conversation.Model;
using Campaign.Conversation.Outcome;
using Campaign.Conversation.Scripts;
using Campaign.Conversation.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Campaign.Conversation.Hosting;

public static class ConversationServices
{
    /// <summary>
    /// Registers the Semantic Kernel conversation agent as <see cref="IConversationAgent"/> (replacing any other), the
    /// kernel with the chat service of <c>Conversation:Provider</c>, and the grain-backed script source. An unknown
    /// provider or missing OpenAI settings fail here, at startup. The host's start waits until the understanding is warm
    /// (<see cref="UnderstandingWarmUpService"/>).
    /// </summary>
    /// <param name="clockKey">
    /// The key of the <see cref="TimeProvider"/> that call timestamps follow (the campaign engine's calendar clock), so
    /// transcript times and callback times agree with the call record; null for the plain <see cref="TimeProvider"/>.
    /// </param>
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration, object? clockKey = null)
    {
        var options = configuration.GetSection(ConversationOptions.Section).Get<ConversationOptions>() ?? new ConversationOptions();
        Validate(options);
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScriptSource, GrainScriptSource>();
        var openAI = Validate(options) == ConversationProviders.OpenAI;
        if (openAI)
        {
            services.AddModelHttpClient(options.OpenAI);
        }

        services.AddSingleton(sp => ConversationKernelFactory.Create(
            options, sp.GetService<ILoggerFactory>(), openAI ? sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelResilience.HttpClientName) : null));
        services.AddSingleton(_ => CreateSemanticUnderstanding(options));
        services.AddSingleton<ScriptPreparer>();
        services.AddSingleton<OutcomeExtraction>();
        services.AddSingleton(sp => CreateOptOutRecognizer(options, sp.GetRequiredService<SemanticUnderstanding>().Intents, sp.GetService<ILogger<OptOutRecognizer>>()));
        services.AddHostedService<UnderstandingWarmUpService>();
        services.RemoveAll<IConversationAgent>();
        services.AddSingleton<IConversationAgent>(sp => ActivatorUtilities.CreateInstance<KernelConversationAgent>(
            sp, clockKey is null ? sp.GetRequiredService<TimeProvider>() : sp.GetRequiredKeyedService<TimeProvider>(clockKey)));
        return services;
    }

    /// <summary>
    /// The rules, backed by the semantic layer unless <c>Conversation:OptOut:Semantic</c> is false; the model starts loading
    /// in the background now, so the first line that needs it does not wait.
    /// </summary>
    private static OptOutRecognizer CreateOptOutRecognizer(ConversationOptions options, SemanticIntents? understanding, ILogger<OptOutRecognizer>? logger)
    {
        if (!options.OptOut.Semantic)
        {
            return new OptOutRecognizer(null, logger, understanding);
        }

        _ = SemanticOptOutScorer.WarmUpAsync();
        return new OptOutRecognizer(SemanticOptOutScorer.Shared, logger, understanding);
    }

    /// <summary>
    /// The semantic understanding layer unless <c>Conversation:Understanding:Semantic</c> is false; the examples and the
    /// model (shared with the opt-out layer) start loading in the background now.
    /// </summary>
    private static SemanticUnderstanding CreateSemanticUnderstanding(ConversationOptions options)
    {
        if (!options.Understanding.Semantic)
        {
            return new SemanticUnderstanding(null);
        }

        _ = SemanticIntents.WarmUpAsync();
        var weights = options.Understanding.ConcernClassifier?.Trim();
        if (string.IsNullOrEmpty(weights))
        {
            return new SemanticUnderstanding(SemanticIntents.Shared);
        }

        if (weights.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return new SemanticUnderstanding(new SemanticIntents(IntentExamples.Shipped()));
        }

        using var file = File.OpenRead(weights);
        return new SemanticUnderstanding(new SemanticIntents(IntentExamples.Shipped(), ConcernClassifier.Read(file)));
    }

    /// <summary>The provider's canonical name; throws with what to fix when the settings cannot work.</summary>
    public static string Validate(ConversationOptions options)
    {
        var provider = options.Provider?.Trim();
        if (string.IsNullOrEmpty(provider) || provider.Equals(ConversationProviders.Offline, StringComparison.OrdinalIgnoreCase))
        {
            return ConversationProviders.Offline;
        }

        if (!provider.Equals(ConversationProviders.OpenAI, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Conversation:Provider '{provider}' is not known; use {ConversationProviders.Offline} (the script engine, default) or {ConversationProviders.OpenAI} (an OpenAI-compatible endpoint).");
        }

        var openAI = options.OpenAI;
        if (string.IsNullOrWhiteSpace(openAI.Endpoint) || !Uri.TryCreate(openAI.Endpoint, UriKind.Absolute, out var endpoint) ||
            (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                "Conversation:Provider is OpenAI but Conversation:OpenAI:Endpoint is not an http(s) URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.");
        }

        if (string.IsNullOrWhiteSpace(openAI.Model))
        {
            throw new InvalidOperationException("Conversation:Provider is OpenAI but Conversation:OpenAI:Model is not set.");
        }

        if (openAI.TimeoutSeconds <= 0)
        {
            throw new InvalidOperationException($"Conversation:OpenAI:TimeoutSeconds must be positive (was {openAI.TimeoutSeconds}).");
        }

        if (openAI.MaxAttempts < 1)
        {
            throw new InvalidOperationException($"Conversation:OpenAI:MaxAttempts must be at least 1 (was {openAI.MaxAttempts}).");
        }

        if (openAI.CallAgainAfterMinutes <= 0)
        {
            throw new InvalidOperationException($"Conversation:OpenAI:CallAgainAfterMinutes must be positive (was {openAI.CallAgainAfterMinutes}).");
        }

        return ConversationProviders.OpenAI;
    }
}
