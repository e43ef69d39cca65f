using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TradingAlerts.AlertEngine.Webhooks;

/// <summary>
/// Delivers the outbox's pending alerts to the webhook: POSTs each body as stored, signed, with the alert id as
/// <c>Idempotency-Key</c>. A 2xx marks it delivered; anything else is tried again after an exponential backoff whose
/// due time is kept in the row (so it survives restarts), until <see cref="WebhookOptions.MaxAttempts"/> tries have
/// failed: then it is dead-lettered. A receiver may see an alert more than once (a crash between its answer and the
/// row's update): always with the same id and body.
/// </summary>
public sealed partial class WebhookDispatcher(NpgsqlDataSource db, IHttpClientFactory http, AlertMetrics metrics, IOptions<AlertOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhook";

    private const string Due = """
        SELECT id, body, attempts FROM alert_outbox
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, seq LIMIT @max
        """;

    private const string Delivered = "UPDATE alert_outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = NULL WHERE id = @id";

    private const string Failed = """
        UPDATE alert_outbox SET attempts = attempts + 1, last_error = @error,
            status = CASE WHEN attempts + 1 >= @max THEN 'dead' ELSE 'pending' END,
            next_attempt_at = now() + @backoff
        WHERE id = @id
        """;

    private readonly SemaphoreSlim _signal = new(0, 1);

    private WebhookOptions Webhook => options.Value.Webhook;

    /// <summary>New alerts are in the outbox: look now rather than at the next poll.</summary>
    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The URL's query may carry a token: log only scheme, host and path.
        var target = new Uri(Webhook.Url!).GetLeftPart(UriPartial.Path);
        LogStarted(logger, target, Webhook.MaxAttempts);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await DueAsync(Webhook.Concurrency * 4, stoppingToken).ConfigureAwait(false);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Webhook.Concurrency, CancellationToken = stoppingToken },
                    (row, ct) => new ValueTask(DeliverAsync(row, ct))).ConfigureAwait(false);
                metrics.SetPending(await PendingAsync(stoppingToken).ConfigureAwait(false));
                if (due.Count == Webhook.Concurrency * 4)
                {
                    continue; // more are due
                }

                await _signal.WaitAsync(Webhook.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException ex)
            {
                LogOutboxFailed(logger, ex);
                await Task.Delay(Webhook.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(DueAlert row, CancellationToken ct)
    {
        string? error;
        try
        {
            var body = Encoding.UTF8.GetBytes(row.Body);
            using var request = new HttpRequestMessage(HttpMethod.Post, Webhook.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(Webhook.Secret!, body));
            request.Headers.Add("Idempotency-Key", row.Id);
            using var response = await http.CreateClient(ClientName).SendAsync(request, ct).ConfigureAwait(false);
            error = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"no answer within {Webhook.Timeout}";
        }

        if (error is null)
        {
            await using var delivered = db.CreateCommand(Delivered);
            delivered.Parameters.AddWithValue("id", row.Id);
            await delivered.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            metrics.Delivered.Add(1);
            return;
        }

        var attempts = row.Attempts + 1;
        await using var failed = db.CreateCommand(Failed);
        failed.Parameters.AddWithValue("id", row.Id);
        failed.Parameters.AddWithValue("error", error);
        failed.Parameters.AddWithValue("max", Webhook.MaxAttempts);
        failed.Parameters.AddWithValue("backoff", Webhook.Backoff(attempts));
        await failed.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        if (attempts >= Webhook.MaxAttempts)
        {
            metrics.DeadLettered.Add(1);
            LogDeadLettered(logger, row.Id, attempts, error);
        }
        else
        {
            metrics.Retried.Add(1);
            var backoff = Webhook.Backoff(attempts);
            LogRetry(logger, row.Id, attempts, error, backoff);
        }
    }

    private async Task<IReadOnlyList<DueAlert>> DueAsync(int max, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Due);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var due = new List<DueAlert>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            due.Add(new DueAlert(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return due;
    }

    private async Task<long> PendingAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM alert_outbox WHERE status = 'pending'");
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private sealed record DueAlert(string Id, string Body, int Attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering alerts to the webhook {Url} (at most {MaxAttempts} tries each)")]
    private static partial void LogStarted(ILogger logger, string url, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook try {Attempt} of alert {Id} failed ({Error}); next try in {Backoff}")]
    private static partial void LogRetry(ILogger logger, string id, int attempt, string error, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {Id} dead-lettered after {Attempts} failed webhook tries (last: {Error})")]
    private static partial void LogDeadLettered(ILogger logger, string id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading or updating the alert outbox failed; trying again")]
    private static partial void LogOutboxFailed(ILogger logger, Exception exception);
}
