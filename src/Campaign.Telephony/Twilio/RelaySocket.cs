using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Campaign.Telephony.Twilio;

/// <summary>JSON messages over a WebSocket: one reader, and sends that never overlap.</summary>
internal sealed class RelaySocket(WebSocket socket) : IDisposable
{
    private const int MaxMessageBytes = 64 * 1024;
    private readonly SemaphoreSlim _sending = new(1, 1);

    public async Task SendAsync(object message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next text message; null when the peer closed the socket or sent too much.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, null, cancellationToken);
                return null;
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    public void Dispose() => _sending.Dispose();
}
