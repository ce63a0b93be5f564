package dev.peregrine.monitor.config.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertPropertiesTest {

    private static AlertProperties defaults() {
        return new AlertProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsAreFilledInWithBothChannelsOff() {
        AlertProperties properties = defaults();
        assertThat(properties.webhook().enabled()).isFalse();
        assertThat(properties.telegram().enabled()).isFalse();
        assertThat(properties.telegram().baseUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.batchSize()).isEqualTo(20);
        assertThat(properties.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.maxAttempts()).isEqualTo(8);
        assertThat(properties.initialBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.backoffMultiplier()).isEqualTo(2.0);
        assertThat(properties.rateLimitWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(AlertConfiguration.enabledChannels(properties)).isEmpty();
    }

    @Test
    void neverShowsSecrets() {
        AlertProperties properties = new AlertProperties(
                new AlertProperties.Webhook(true, "https://hooks.slack.com/services/T0/B0/SECRET1", null),
                new AlertProperties.Telegram(true, null, "123:SECRET2", null, "-100"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(properties.toString()).doesNotContain("SECRET1", "SECRET2").contains("<redacted>");
    }

    @Test
    void refusesBadValuesNamingTheProperty() {
        assertThatThrownBy(() -> new AlertProperties(
                        null,
                        null,
                        null,
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("peregrine.monitor.alerts.lease");
        assertThatThrownBy(() -> new AlertProperties(null, null, null, 0, null, null, null, null, null, null, null))
                .hasMessageContaining("peregrine.monitor.alerts.batch-size");
        assertThatThrownBy(() -> new AlertProperties(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(1),
                        null,
                        null))
                .hasMessageContaining("peregrine.monitor.alerts.max-backoff");
        assertThatThrownBy(() -> new AlertProperties.Telegram(true, null, "t", null, " "))
                .hasMessageContaining("PEREGRINE_MONITOR_ALERTS_TELEGRAM_CHAT_ID");
    }

    @Test
    void readsASecretFromItsValueOrAMountedFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "  123:from-file\n");
        assertThat(Secrets.resolve("123:direct", file.toString(), "p", "ENV")).isEqualTo("123:direct");
        assertThat(Secrets.resolve(null, file.toString(), "p", "ENV")).isEqualTo("123:from-file");
        assertThatThrownBy(() -> Secrets.resolve(
                        "",
                        null,
                        "peregrine.monitor.alerts.telegram.bot-token",
                        "PEREGRINE_MONITOR_ALERTS_TELEGRAM_BOT_TOKEN"))
                .hasMessageContaining("PEREGRINE_MONITOR_ALERTS_TELEGRAM_BOT_TOKEN_FILE");
        assertThatThrownBy(() -> Secrets.resolve(null, dir.resolve("missing").toString(), "p", "ENV"))
                .hasMessageContaining("cannot read");
    }
}
