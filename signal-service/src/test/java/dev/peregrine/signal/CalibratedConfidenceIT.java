package dev.peregrine.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.config.CalibrationFile;
import dev.peregrine.signal.domain.ValidationConfig;
import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.signal.domain.calibration.GradeCutoffs;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Calibrated confidence in the running service against real Kafka and PostgreSQL: signal-service starts with a
 * calibration file ({@code peregrine.signal.validation.calibration-file}), and every validation of the candles it
 * consumes from Kafka is published with the calibration's probability of its strength / 100 as its confidence, the
 * grade of that probability, and the calibration's version, exactly as the same chain computes them offline.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = SignalServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,signal-service", "management.server.port=0"})
// Closed after this class: its consumers must not judge another test class's candles with this calibration.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CalibratedConfidenceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant FIRST_OPEN = Instant.parse("2025-03-03T00:00:00Z");

    /** A made-up test calibration (not fitted on anything): four steps so signals land on different probabilities. */
    private static final ConfidenceCalibration CALIBRATION = new ConfidenceCalibration(
            "it-isotonic-" + Long.toString(System.nanoTime() % 100_000_000L),
            CalibrationMethod.ISOTONIC,
            List.of(
                    new ConfidenceCalibration.Step(0.0, 0.31),
                    new ConfidenceCalibration.Step(0.40, 0.44),
                    new ConfidenceCalibration.Step(0.60, 0.53),
                    new ConfidenceCalibration.Step(0.75, 0.61)),
            null,
            Instant.parse("2021-01-01T00:00:00Z"),
            Instant.parse("2024-11-15T06:00:00Z"),
            "test calibration, not fitted",
            8,
            1000);

    @DynamicPropertySource
    static void calibrationFile(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("peregrine-calibration-", ".json");
            file.toFile().deleteOnExit();
            CalibrationFile.write(CALIBRATION, file);
            registry.add("peregrine.signal.validation.calibration-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final String symbol = "CAL" + Long.toString(System.nanoTime() % 100_000_000L) + "USDT";

    @Test
    void everyConsumedCandlesValidationsCarryTheCalibratedConfidenceAndTheCalibrationsVersion() {
        List<CandleClosed> candles = MarketScripts.breakout(
                symbol, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00", i -> UUID.randomUUID());
        Map<UUID, SignalValidated> expected = expected(candles);
        assertThat(expected).isNotEmpty();
        try (TopicProbe probe = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            SignalTraffic.sendCandles(bootstrap, candles);
            List<SignalValidated> published = SignalTraffic.awaitSignals(probe, symbol, expected.size(), TIMEOUT);
            assertThat(published)
                    .extracting(SignalValidated::signalId)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (SignalValidated signal : published) {
                assertThat(signal.calibrationVersion()).isEqualTo(CALIBRATION.version());
                assertThat(signal.confidence())
                        .as(signal.strategyId() + " strength " + signal.strength())
                        .isEqualTo(CALIBRATION.probability(signal.strength() / 100.0));
                assertThat(signal.grade()).isEqualTo(GradeCutoffs.DEFAULTS.gradeOf(signal.confidence()));
                assertThat(signal.reasons()).extracting(Reason::code).contains("CALIBRATED");
                SignalValidated offline = expected.get(signal.signalId());
                assertThat(signal.confidence()).isEqualTo(offline.confidence());
                assertThat(signal.action()).isEqualTo(offline.action());
                assertThat(signal.sizeMultiplier()).isEqualTo(offline.sizeMultiplier());
            }
            // The stored validations name the calibration too (the audit trail, not only the event).
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(jdbc.queryForList(
                                    "select calibration_version from signal.signal_validations where symbol = ?",
                                    String.class,
                                    symbol))
                            .hasSize(expected.size())
                            .containsOnly(CALIBRATION.version()));
            // The steps are reached: not every signal got the same probability.
            assertThat(published.stream()
                            .map(SignalValidated::confidence)
                            .distinct()
                            .count())
                    .isGreaterThan(1);
        }
    }

    /** The validations the service must publish, from the same chain with the same calibration, offline. */
    private static Map<UUID, SignalValidated> expected(List<CandleClosed> candles) {
        SignalChainSettings settings = SignalChainSettings.serviceDefaults()
                .withValidation(
                        ValidationConfig.defaults().withCalibration(Optional.of(CALIBRATION), GradeCutoffs.DEFAULTS));
        SignalChain.Series series = new SignalChain(settings, SignalChain.registeredAnalysts())
                .newSeries(candles.getFirst().symbol(), candles.getFirst().interval());
        Map<UUID, SignalValidated> expected = new LinkedHashMap<>();
        for (CandleClosed candle : candles) {
            if (series.next(MarketScripts.bar(candle)) instanceof SignalChain.Step.Judged judged) {
                for (SignalChain.ValidatedSignal signal : judged.signals()) {
                    expected.put(
                            signal.signalId(),
                            judged.event(
                                    signal, Envelope.root(UUID.randomUUID(), candle.closeTime(), candle.closeTime())));
                }
            }
        }
        return expected;
    }
}
