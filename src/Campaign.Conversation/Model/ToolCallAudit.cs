using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Campaign.Conversation.Model;

/// <summary>
/// Reads the tool calls a request added to the chat history (auto-invocation appends them) and logs those the
/// connector could not run: a tool the kernel does not have, and arguments that are not JSON. The connector has
/// already answered the model with an error; without this nobody would know.
/// </summary>
public static class ToolCallAudit
{
    public static void Report(ChatHistory history, int from, Kernel kernel, ILogger logger, string callId)
    {
        for (var i = Math.Max(0, from); i < history.Count; i++)
        {
            foreach (var call in history[i].Items.OfType<FunctionCallContent>())
            {
                var tool = call.PluginName is null ? call.FunctionName : $"{call.PluginName}-{call.FunctionName}";
                if (call.Exception is not null)
                {
                    ModelFaultLog.ArgumentsNotJson(logger, callId, tool);
                }
                else if (!kernel.Plugins.TryGetFunction(call.PluginName, call.FunctionName, out _))
                {
                    ModelFaultLog.UnknownTool(logger, callId, tool);
                }
            }
        }
    }
}
