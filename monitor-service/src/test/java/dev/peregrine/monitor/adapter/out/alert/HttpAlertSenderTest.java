package dev.peregrine.monitor.adapter.out.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.monitor.application.alert.port.out.AlertSender;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpAlertSenderTest {

    @Test
    void classifiesStatusCodes() {
        assertThat(HttpAlertSender.outcome(200).result()).isEqualTo(AlertSender.Result.DELIVERED);
        assertThat(HttpAlertSender.outcome(204).result()).isEqualTo(AlertSender.Result.DELIVERED);
        assertThat(HttpAlertSender.outcome(503)).isEqualTo(AlertSender.Outcome.retryable("HTTP 503"));
        assertThat(HttpAlertSender.outcome(429).result()).isEqualTo(AlertSender.Result.RETRYABLE);
        assertThat(HttpAlertSender.outcome(408).result()).isEqualTo(AlertSender.Result.RETRYABLE);
        assertThat(HttpAlertSender.outcome(401)).isEqualTo(AlertSender.Outcome.rejected("HTTP 401"));
        assertThat(HttpAlertSender.outcome(302).result()).isEqualTo(AlertSender.Result.REJECTED);
    }

    @Test
    void buildsTelegramsSendMessageUrlAndBody() {
        assertThat(TelegramAlertSender.sendMessage(URI.create("http://localhost:1234/"), "1:abc"))
                .isEqualTo(URI.create("http://localhost:1234/bot1:abc/sendMessage"));
        TelegramAlertSender telegram = new TelegramAlertSender(
                HttpClient.newHttpClient(),
                URI.create("https://api.telegram.org"),
                "1:abc",
                "-100",
                Duration.ofSeconds(1));
        assertThat(telegram.body("hi")).containsEntry("chat_id", "-100").containsEntry("text", "hi");
        assertThat(telegram.toString()).doesNotContain("abc");
        WebhookAlertSender webhook = new WebhookAlertSender(
                HttpClient.newHttpClient(), URI.create("https://hooks.example/T000/secret"), Duration.ofSeconds(1));
        assertThat(webhook.body("hi")).isEqualTo(java.util.Map.of("text", "hi"));
        assertThat(webhook.toString()).doesNotContain("secret");
    }

    @Test
    void aConnectionFailureIsRetryableAndNamesNoUrl() {
        WebhookAlertSender webhook = new WebhookAlertSender(
                HttpClient.newHttpClient(), URI.create("http://localhost:1/secret-path"), Duration.ofSeconds(2));
        AlertSender.Outcome outcome = webhook.send("hi");
        assertThat(outcome.result()).isEqualTo(AlertSender.Result.RETRYABLE);
        assertThat(outcome.detail()).doesNotContain("secret").doesNotContain("localhost");
    }
}
