package dev.peregrine.monitor.config.alert;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of alert delivery ({@code peregrine.monitor.alerts.*}). The defaults live here, not in
 * {@code monitor-service.yml}; every key can be set from the environment by Spring's relaxed binding, e.g.
 * {@code PEREGRINE_MONITOR_ALERTS_TELEGRAM_ENABLED=true}. Secrets (the webhook URL, the bot token) are meant to come
 * only from the environment or from a mounted file ({@code *-file}); {@link #toString()} never shows them.
 *
 * @param webhook           the generic JSON webhook (Slack-compatible)
 * @param telegram          Telegram's Bot API
 * @param pollInterval      how often the dispatcher looks for due deliveries (default 1s)
 * @param batchSize         deliveries claimed per query (default 20)
 * @param lease             how long a claimed delivery is reserved; one whose instance died is due again after it
 *                          (default 60s; must exceed the request timeout)
 * @param requestTimeout    HTTP timeout per attempt (default 10s)
 * @param maxAttempts       attempts before a delivery is FAILED (default 8)
 * @param initialBackoff    wait after the first failed attempt (default 5s)
 * @param maxBackoff        longest wait between attempts (default 10m)
 * @param backoffMultiplier growth of the wait per failed attempt (default 2)
 * @param rateLimitWindow   at most one message per de-duplication key per window; 0 disables (default 10m)
 */
@ConfigurationProperties("peregrine.monitor.alerts")
public record AlertProperties(
        Webhook webhook,
        Telegram telegram,
        Duration pollInterval,
        Integer batchSize,
        Duration lease,
        Duration requestTimeout,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Double backoffMultiplier,
        Duration rateLimitWindow) {

    private static final String PREFIX = "peregrine.monitor.alerts.";

    public AlertProperties {
        webhook = webhook == null ? new Webhook(false, null, null) : webhook;
        telegram = telegram == null ? new Telegram(false, null, null, null, null) : telegram;
        pollInterval = positive(pollInterval == null ? Duration.ofSeconds(1) : pollInterval, "poll-interval");
        batchSize = batchSize == null ? 20 : batchSize;
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("set " + PREFIX + "batch-size between 1 and 1000, not " + batchSize);
        }
        requestTimeout = positive(requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout, "request-timeout");
        lease = positive(lease == null ? Duration.ofSeconds(60) : lease, "lease");
        if (lease.compareTo(requestTimeout) <= 0) {
            throw new IllegalArgumentException("set " + PREFIX + "lease (" + lease + ") longer than " + PREFIX
                    + "request-timeout (" + requestTimeout + "), or a slow send could be claimed twice");
        }
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("set " + PREFIX + "max-attempts to at least 1, not " + maxAttempts);
        }
        initialBackoff = positive(initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff, "initial-backoff");
        maxBackoff = positive(maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff, "max-backoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("set " + PREFIX + "max-backoff (" + maxBackoff + ") to at least "
                    + PREFIX + "initial-backoff (" + initialBackoff + ")");
        }
        backoffMultiplier = backoffMultiplier == null ? 2.0 : backoffMultiplier;
        if (!(backoffMultiplier >= 1.0 && backoffMultiplier <= 10.0)) {
            throw new IllegalArgumentException(
                    "set " + PREFIX + "backoff-multiplier between 1 and 10, not " + backoffMultiplier);
        }
        rateLimitWindow = rateLimitWindow == null ? Duration.ofMinutes(10) : rateLimitWindow;
        if (rateLimitWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "set " + PREFIX + "rate-limit-window to 0 (no limit) or more, not " + rateLimitWindow);
        }
    }

    private static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("set " + PREFIX + key + " to a positive duration, not " + value);
        }
        return value;
    }

    /**
     * The generic webhook.
     *
     * @param enabled whether alerts go to it (default false)
     * @param url     its URL, a secret: {@code PEREGRINE_MONITOR_ALERTS_WEBHOOK_URL}
     * @param urlFile a file holding the URL instead (e.g. a mounted secret)
     */
    public record Webhook(boolean enabled, String url, String urlFile) {

        @Override
        public String toString() {
            return "Webhook[enabled=" + enabled + ", url=" + redacted(url) + ", urlFile=" + urlFile + "]";
        }
    }

    /**
     * Telegram's Bot API.
     *
     * @param enabled      whether alerts go to it (default false)
     * @param baseUrl      the API's base URL (default {@code https://api.telegram.org}; tests point it at a local server)
     * @param botToken     the bot token, a secret: {@code PEREGRINE_MONITOR_ALERTS_TELEGRAM_BOT_TOKEN}
     * @param botTokenFile a file holding the token instead (e.g. a mounted secret)
     * @param chatId       the chat to post in ({@code PEREGRINE_MONITOR_ALERTS_TELEGRAM_CHAT_ID})
     */
    public record Telegram(boolean enabled, URI baseUrl, String botToken, String botTokenFile, String chatId) {

        public Telegram {
            baseUrl = baseUrl == null ? URI.create("https://api.telegram.org") : baseUrl;
            if (enabled && (chatId == null || chatId.isBlank())) {
                throw new IllegalArgumentException("set " + PREFIX + "telegram.chat-id "
                        + "(PEREGRINE_MONITOR_ALERTS_TELEGRAM_CHAT_ID) when Telegram alerts are enabled");
            }
        }

        @Override
        public String toString() {
            return "Telegram[enabled=" + enabled + ", baseUrl=" + baseUrl + ", botToken=" + redacted(botToken)
                    + ", botTokenFile=" + botTokenFile + ", chatId=" + chatId + "]";
        }
    }

    private static String redacted(String secret) {
        return secret == null || secret.isEmpty() ? "<unset>" : "<redacted>";
    }
}
