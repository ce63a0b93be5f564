package dev.peregrine.monitor.adapter.out.alert;

import dev.peregrine.monitor.domain.alert.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** A generic JSON webhook with Slack's incoming-webhook body: {@code {"text": "..."}}. */
public final class WebhookAlertSender extends HttpAlertSender {

    public WebhookAlertSender(HttpClient http, URI url, Duration timeout) {
        super(http, url, timeout);
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    Map<String, Object> body(String text) {
        return Map.of("text", text);
    }
}
