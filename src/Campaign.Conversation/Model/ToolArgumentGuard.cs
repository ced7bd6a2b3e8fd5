using Campaign.Conversation.Agent;
using Campaign.Conversation.Functions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Campaign.Conversation.Model;

/// <summary>
/// Checks a tool call's enum arguments before the function runs: a value outside the allowed set (a model that ignores
/// the strict schema) is logged and not recorded, and the model is told the allowed values so it can correct itself.
/// </summary>
public sealed class ToolArgumentGuard(ILogger logger) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        foreach (var parameter in context.Function.Metadata.Parameters)
        {
            if (Allowed(parameter.ParameterType) is not { } allowed ||
                context.Arguments is null || !context.Arguments.TryGetValue(parameter.Name, out var raw) || raw is null)
            {
                continue;
            }

            var value = raw.ToString() ?? "";
            if (AllowedValues.Match(value, allowed) is not null)
            {
                continue;
            }

            var callId = ConversationTurn.Of(context.Kernel)?.Session.CallId ?? "-";
            var tool = $"{context.Function.PluginName}-{context.Function.Name}";
            ModelFaultLog.OutOfSetValue(logger, callId, $"tool {tool}", parameter.Name, value, AllowedValues.List(allowed), "not recorded; the model was told the allowed values");
            context.Result = new FunctionResult(context.Function, $"Not recorded: '{value}' is not an allowed {parameter.Name}. Use one of: {AllowedValues.List(allowed)}.");
            return;
        }

        await next(context);
    }

    private static IReadOnlyList<string>? Allowed(Type? type) =>
        type == typeof(InterestLevel) ? AllowedValues.InterestLevels
        : type == typeof(FollowUpChoice) ? AllowedValues.FollowUpKinds
        : null;
}
