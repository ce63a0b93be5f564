package dev.peregrine.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.testkit.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert delivery over the real Kafka broker and PostgreSQL, with a real HTTP server standing in for the webhook and
 * for Telegram's Bot API. The service is started and stopped by hand (a restart over the same database and consumer
 * group), in a consumer group of its own so that no other test context shares its partitions.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlertDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "123456:IT-secret-token";
    private static final String CHAT = "-100987";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "monitor-alerts-it-" + RUN;

    private static Endpoint webhook;
    private static Endpoint telegram;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final EventCodec codec = new EventCodec();

    @BeforeAll
    static void endpoints() throws IOException {
        webhook = Endpoint.start("/hook", body -> body.get("text").asString());
        telegram = Endpoint.start("/bot" + TOKEN + "/sendMessage", body -> {
            assertThat(body.get("chat_id").asString()).isEqualTo(CHAT);
            return body.get("text").asString();
        });
    }

    @AfterAll
    static void stopEndpoints() {
        webhook.stop();
        telegram.stop();
    }

    @Test
    void eachAlertReachesBothEndpointsExactlyOnceAcrossARestart(CapturedOutput output) {
        String first = "restart-1-" + RUN;
        String whileDown = "restart-2-" + RUN;
        String pending = "restart-3-" + RUN;
        AlertRaised firstAlert = alert(first, "KILL_SWITCH_ON");
        try (ConfigurableApplicationContext service = start()) {
            send(firstAlert);
            await().atMost(WAIT).until(() -> webhook.delivered(first) == 1 && telegram.delivered(first) == 1);

            // Telegram is down for this one: it stays PENDING with a failed attempt when the service stops.
            telegram.failAlways(pending);
            send(alert(pending, "DRAWDOWN_LIMIT_HALTED"));
            await().atMost(WAIT).until(() -> webhook.delivered(pending) == 1 && telegram.attempts(pending) >= 1);
        }

        send(alert(whileDown, "DAILY_LOSS_BREAKER_HALTED"));
        send(firstAlert); // a redelivery of an alert already sent
        telegram.heal(pending);

        try (ConfigurableApplicationContext restarted = start()) {
            await().atMost(WAIT)
                    .until(() -> webhook.delivered(whileDown) == 1
                            && telegram.delivered(whileDown) == 1
                            && telegram.delivered(pending) == 1);
            // A later alert on the same partition's path has been handled: the redelivery certainly was too.
            String marker = "restart-4-" + RUN;
            send(alert(marker, "KILL_SWITCH_OFF"));
            await().atMost(WAIT).until(() -> webhook.delivered(marker) == 1 && telegram.delivered(marker) == 1);
            await().during(Duration.ofSeconds(2))
                    .atMost(WAIT)
                    .until(() -> List.of(first, whileDown, pending, marker).stream()
                            .allMatch(subject -> webhook.delivered(subject) == 1 && telegram.delivered(subject) == 1));

            JdbcClient jdbc = restarted.getBean(JdbcClient.class);
            assertThat(jdbc.sql("""
                            select count(*) from monitor.alert_deliveries d join monitor.alerts a using (alert_id)
                             where a.subject = :subject and d.status = 'SENT' and d.kind = 'ALERT'""").param("subject", first).query(Long.class).single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from monitor.alerts where alert_id = :id")
                            .param("id", firstAlert.envelope().eventId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            Map<String, Object> pendingTelegram =
                    jdbc.sql("""
                            select d.status, d.attempts, d.last_error from monitor.alert_deliveries d
                              join monitor.alerts a using (alert_id)
                             where a.subject = :subject and d.channel = 'TELEGRAM'""").param("subject", pending).query().singleRow();
            assertThat(pendingTelegram.get("status")).isEqualTo("SENT");
            assertThat((Integer) pendingTelegram.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("select runbook from monitor.alerts where subject = :subject")
                            .param("subject", first)
                            .query(String.class)
                            .single())
                    .isEqualTo("release with DELETE /api/v1/risk/kill-switch");
        }
        assertThat(webhook.bodies()).noneMatch(text -> text.contains(TOKEN));
        assertThat(output.getAll())
                .contains("Alert channels: [WEBHOOK, TELEGRAM]")
                .doesNotContain(TOKEN);
    }

    @Test
    void aFailingEndpointIsRetriedAndABurstOfOneKeyIsRateLimited() {
        try (ConfigurableApplicationContext service = start()) {
            MeterRegistry meters = service.getBean(MeterRegistry.class);

            String flaky = "flaky-" + RUN;
            webhook.failFirst(flaky, 2);
            send(alert(flaky, "KILL_SWITCH_ON"));
            await().atMost(WAIT).until(() -> webhook.delivered(flaky) == 1 && telegram.delivered(flaky) == 1);
            assertThat(webhook.attempts(flaky)).isEqualTo(3);
            assertThat(counter(meters, "webhook", "retried")).isEqualTo(2);
            assertThat(counter(meters, "webhook", "delivered")).isEqualTo(1);
            assertThat(counter(meters, "telegram", "delivered")).isEqualTo(1);

            String noisy = "burst-" + RUN;
            List<AlertRaised> burst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                burst.add(alert(noisy, "DAILY_LOSS_BREAKER_HALTED"));
            }
            send(burst.toArray(AlertRaised[]::new));
            await().atMost(WAIT)
                    .until(() -> counter(meters, "webhook", "suppressed") == 4
                            && counter(meters, "telegram", "suppressed") == 4);
            await().atMost(WAIT).until(() -> webhook.delivered(noisy) == 1 && telegram.delivered(noisy) == 1);
            // The window (5s) ends with four suppressed: one summary per channel reports them.
            await().atMost(WAIT).until(() -> webhook.summaries(noisy) == 1 && telegram.summaries(noisy) == 1);
            assertThat(webhook.texts(noisy))
                    .last()
                    .asString()
                    .startsWith("[CRITICAL] 4 more alerts DAILY_LOSS_BREAKER_HALTED: " + noisy + " suppressed since");
            await().during(Duration.ofSeconds(2))
                    .atMost(WAIT)
                    .until(() -> webhook.texts(noisy).size() == 2
                            && telegram.texts(noisy).size() == 2);
            assertThat(counter(meters, "webhook", "delivered")).isEqualTo(3);
            assertThat(counter(meters, "telegram", "failed")).isZero();
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>();
        RealInfrastructure.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--peregrine.monitor.alerts.webhook.enabled=true",
                "--peregrine.monitor.alerts.webhook.url=" + webhook.url(),
                "--peregrine.monitor.alerts.telegram.enabled=true",
                "--peregrine.monitor.alerts.telegram.base-url=" + telegram.baseUrl(),
                "--peregrine.monitor.alerts.telegram.bot-token=" + TOKEN,
                "--peregrine.monitor.alerts.telegram.chat-id=" + CHAT,
                "--peregrine.monitor.alerts.poll-interval=100ms",
                "--peregrine.monitor.alerts.request-timeout=5s",
                "--peregrine.monitor.alerts.lease=10s",
                "--peregrine.monitor.alerts.initial-backoff=300ms",
                "--peregrine.monitor.alerts.max-backoff=1s",
                "--peregrine.monitor.alerts.max-attempts=30",
                "--peregrine.monitor.alerts.rate-limit-window=5s"));
        return MonitorServiceApplication.builder().run(args.toArray(String[]::new));
    }

    private static double counter(MeterRegistry meters, String channel, String result) {
        return meters.get("peregrine.monitor.alert.deliveries")
                .tag("channel", channel)
                .tag("result", result)
                .counter()
                .count();
    }

    private AlertRaised alert(String subject, String code) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Severity severity = code.endsWith("_OFF") ? Severity.WARNING : Severity.CRITICAL;
        String runbook = code.startsWith("KILL_SWITCH") ? "release with DELETE /api/v1/risk/kill-switch" : "reset it";
        return new AlertRaised(
                Envelope.root(UUID.randomUUID(), now, now),
                severity,
                "risk-service",
                subject,
                code,
                subject + " changed by it-test: reason. Runbook: " + runbook);
    }

    private void send(AlertRaised... alerts) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (AlertRaised alert : alerts) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ALERTS, alert.key(), codec.encode(alert))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send test alerts", e);
        }
    }

    /** A real HTTP endpoint: answers 503 while told to fail for a subject, 200 otherwise, and records what it got. */
    private static final class Endpoint {

        private final HttpServer server;
        private final String path;
        private final List<String> accepted = new CopyOnWriteArrayList<>();
        private final List<String> attempted = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
        private final Set<String> failAlways = ConcurrentHashMap.newKeySet();
        private final JsonMapper json = JsonMapper.builder().build();

        private Endpoint(HttpServer server, String path) {
            this.server = server;
            this.path = path;
        }

        static Endpoint start(String path, java.util.function.Function<JsonNode, String> text) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            Endpoint endpoint = new Endpoint(server, path);
            server.createContext("/", exchange -> endpoint.handle(exchange, text));
            server.start();
            return endpoint;
        }

        private void handle(HttpExchange exchange, java.util.function.Function<JsonNode, String> textOf)
                throws IOException {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())
                        || !exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String text = textOf.apply(
                        json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                attempted.add(text);
                boolean fail = failAlways.stream().anyMatch(text::contains)
                        || failFirst.entrySet().stream()
                                .anyMatch(entry -> text.contains(entry.getKey())
                                        && failFirst.computeIfPresent(entry.getKey(), (key, left) -> left - 1) >= 0);
                if (fail) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                accepted.add(text);
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }

        void failAlways(String subject) {
            failAlways.add(subject);
        }

        void heal(String subject) {
            failAlways.remove(subject);
        }

        void failFirst(String subject, int times) {
            failFirst.put(subject, times);
        }

        String url() {
            return baseUrl() + path;
        }

        String baseUrl() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        List<String> bodies() {
            return List.copyOf(accepted);
        }

        List<String> texts(String subject) {
            return accepted.stream()
                    .filter(text ->
                            text.contains(": " + subject + "\n") || text.contains(": " + subject + " suppressed"))
                    .toList();
        }

        long delivered(String subject) {
            return texts(subject).stream()
                    .filter(text -> !text.contains(" more alert"))
                    .count();
        }

        long summaries(String subject) {
            return texts(subject).stream()
                    .filter(text -> text.contains(" more alert"))
                    .count();
        }

        long attempts(String subject) {
            return attempted.stream()
                    .filter(text -> text.contains(": " + subject + "\n"))
                    .count();
        }

        void stop() {
            server.stop(0);
        }
    }
}
