package dev.peregrine.monitor.config.alert;

import dev.peregrine.monitor.adapter.out.alert.TelegramAlertSender;
import dev.peregrine.monitor.adapter.out.alert.WebhookAlertSender;
import dev.peregrine.monitor.application.alert.DispatchAlertsService;
import dev.peregrine.monitor.application.alert.ReceiveAlertService;
import dev.peregrine.monitor.application.alert.port.in.ReceiveAlert;
import dev.peregrine.monitor.application.alert.port.out.AlertMetrics;
import dev.peregrine.monitor.application.alert.port.out.AlertSender;
import dev.peregrine.monitor.application.alert.port.out.AlertStore;
import dev.peregrine.monitor.domain.alert.Backoff;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the alert use cases, their channels and the dispatch scheduler; the adapters are found by scanning. */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    public RateLimiter alertRateLimiter(AlertProperties properties) {
        return new RateLimiter(properties.rateLimitWindow());
    }

    @Bean
    public ReceiveAlert receiveAlert(
            AlertStore store,
            AlertMetrics metrics,
            AlertProperties properties,
            RateLimiter alertRateLimiter,
            Clock clock) {
        return new ReceiveAlertService(store, metrics, enabledChannels(properties), alertRateLimiter, clock);
    }

    @Bean(destroyMethod = "close")
    public HttpClient alertHttpClient(AlertProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    public DispatchAlertsService dispatchAlerts(
            AlertStore store,
            AlertMetrics metrics,
            AlertProperties properties,
            RateLimiter alertRateLimiter,
            @Qualifier("alertHttpClient") HttpClient alertHttpClient,
            Clock clock) {
        List<AlertSender> senders = new ArrayList<>();
        if (properties.webhook().enabled()) {
            String url = Secrets.resolve(
                    properties.webhook().url(),
                    properties.webhook().urlFile(),
                    "peregrine.monitor.alerts.webhook.url",
                    "PEREGRINE_MONITOR_ALERTS_WEBHOOK_URL");
            senders.add(new WebhookAlertSender(
                    alertHttpClient, uri(url, "peregrine.monitor.alerts.webhook.url"), properties.requestTimeout()));
        }
        if (properties.telegram().enabled()) {
            String token = Secrets.resolve(
                    properties.telegram().botToken(),
                    properties.telegram().botTokenFile(),
                    "peregrine.monitor.alerts.telegram.bot-token",
                    "PEREGRINE_MONITOR_ALERTS_TELEGRAM_BOT_TOKEN");
            senders.add(new TelegramAlertSender(
                    alertHttpClient,
                    properties.telegram().baseUrl(),
                    token,
                    properties.telegram().chatId(),
                    properties.requestTimeout()));
        }
        log.info(
                "Alert channels: {} (rate limit one message per key every {}, up to {} attempts)",
                senders.isEmpty() ? "none enabled" : enabledChannels(properties),
                properties.rateLimitWindow(),
                properties.maxAttempts());
        return new DispatchAlertsService(
                store,
                senders,
                metrics,
                alertRateLimiter,
                new Backoff(
                        properties.initialBackoff(),
                        properties.maxBackoff(),
                        properties.backoffMultiplier(),
                        properties.maxAttempts()),
                properties.lease(),
                properties.batchSize(),
                clock);
    }

    @Bean
    public AlertDispatchScheduler alertDispatchScheduler(
            DispatchAlertsService dispatchAlerts, AlertProperties properties) {
        return new AlertDispatchScheduler(
                dispatchAlerts,
                !dispatchAlerts.channels().isEmpty(),
                properties.pollInterval(),
                properties.requestTimeout());
    }

    static Set<Channel> enabledChannels(AlertProperties properties) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (properties.webhook().enabled()) {
            channels.add(Channel.WEBHOOK);
        }
        if (properties.telegram().enabled()) {
            channels.add(Channel.TELEGRAM);
        }
        return channels;
    }

    private static URI uri(String value, String property) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            // The value is a secret: the message names the property only.
            throw new IllegalStateException("set " + property + " to an absolute http(s) URL", null);
        }
    }
}
