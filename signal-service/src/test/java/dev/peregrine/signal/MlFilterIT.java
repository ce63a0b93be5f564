package dev.peregrine.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.adapter.out.ml.XgboostJsonReader;
import dev.peregrine.signal.adapter.out.ml.XgboostJsonSamples;
import dev.peregrine.signal.adapter.out.ml.XgboostJsonSamples.Stump;
import dev.peregrine.signal.application.ActiveModel;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlFilter;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.ModelSource;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ML filter in the running service against real Kafka and PostgreSQL: a model uploaded and promoted through the
 * REST API is scored on every candle consumed from Kafka, and the stored and published validations carry exactly the
 * probability the evaluator computes for their features (recomputed here by the same chain, offline), and the model's
 * version; without a model they carry none. The registry's refusals (a foreign feature schema, a rollback with nothing
 * to return to, a viewer's change) and its metric are checked on the way.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = SignalServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,signal-service", "management.server.port=0"})
// Closed after this class: its consumers and registry poller must not judge another test class's candles.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MlFilterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant FIRST_OPEN = Instant.parse("2025-03-03T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Strength and agreement push up, a high RSI pushes down; missing RSI goes right. */
    private static final String MODEL = XgboostJsonSamples.model(
            0.45,
            List.of(
                    new Stump("strength", 0.6f, true, -0.8f, 0.9f),
                    new Stump("agreement", 0.5f, true, -0.3f, 0.4f),
                    new Stump("rsi", 0.7f, false, 0.2f, -0.5f)));

    private static final String OTHER_MODEL =
            XgboostJsonSamples.model(0.5, List.of(new Stump("strength", 0.4f, true, -0.2f, 0.2f)));

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActiveModel activeModel;

    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final String run = Long.toString(System.nanoTime() % 100_000_000L);

    @BeforeEach
    @AfterEach
    void emptyRegistry() {
        // The database outlives this class: leave no model for another test class's service to load.
        jdbc.sql("DELETE FROM signal.ml_model_audit").update();
        jdbc.sql("UPDATE signal.ml_models SET previous_version = NULL").update();
        jdbc.sql("DELETE FROM signal.ml_models").update();
        activeModel.refresh();
    }

    @Test
    void aPromotedModelScoresEveryConsumedCandleAndItsProbabilityIsStoredAndPublished() throws Exception {
        String noModel = "MLN" + run + "USDT";
        String withModel = "MLM" + run + "USDT";
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            // no model: nothing recorded but the fact
            List<CandleClosed> before = MarketScripts.breakout(
                    noModel, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00", i -> UUID.randomUUID());
            Map<UUID, Expected> unscored = expected(before, null);
            SignalTraffic.sendCandles(bootstrap, before);
            List<SignalValidated> plain = SignalTraffic.awaitSignals(signals, noModel, unscored.size(), TIMEOUT);
            assertThat(plain).isNotEmpty().allSatisfy(s -> {
                assertThat(s.mlProbability()).isNull();
                assertThat(s.modelVersion()).isNull();
            });
            assertThat(jdbc.sql("SELECT DISTINCT ml_state FROM signal.signal_validations WHERE symbol = ?")
                            .param(noModel)
                            .query(String.class)
                            .list())
                    .containsExactly("NO_MODEL");

            // upload and promote through the REST API
            String version = "it-" + run;
            HttpResponse<String> uploaded = post(
                    "/api/v1/ml/models", TestTokens.OPERATOR, candidate(version, MlFeatures.SCHEMA_VERSION, MODEL));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            assertThat(JSON.readTree(uploaded.body()).get("status").asString()).isEqualTo("CANDIDATE");
            assertThat(activeModel.active()).isEmpty();
            HttpResponse<String> promoted = post(
                    "/api/v1/ml/models/" + version + "/promote",
                    TestTokens.OPERATOR,
                    "{\"reason\": \"integration test\"}");
            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
            JsonNode listed =
                    JSON.readTree(get("/api/v1/ml/models", TestTokens.VIEWER).body());
            assertThat(listed.get("inUse").asString()).isEqualTo(version);
            assertThat(listed.get("models").get(0).get("status").asString()).isEqualTo("ACTIVE");
            assertThat(listed.get("models").get(0).has("artefact")).isFalse();
            assertThat(prometheus())
                    .containsPattern("peregrine_signal_ml_model_active\\{[^}]*version=\"" + version + "\"[^}]*} 1\\.0");

            // with the model: every published and stored validation carries the evaluator's probability of its features
            List<CandleClosed> after = MarketScripts.breakout(
                    withModel, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00", i -> UUID.randomUUID());
            MlModel model = new MlModel(version, new XgboostJsonReader().read(MODEL));
            Map<UUID, Expected> scored = expected(after, model);
            SignalTraffic.sendCandles(bootstrap, after);
            List<SignalValidated> published = SignalTraffic.awaitSignals(signals, withModel, scored.size(), TIMEOUT);
            assertThat(published)
                    .extracting(SignalValidated::signalId)
                    .containsExactlyInAnyOrderElementsOf(scored.keySet());
            for (SignalValidated signal : published) {
                Expected e = scored.get(signal.signalId());
                assertThat(signal.mlProbability()).as(signal.strategyId()).isEqualTo(e.probability());
                assertThat(signal.modelVersion()).isEqualTo(version);
                assertThat(signal.action()).isEqualTo(e.action());
                Map<String, Object> row = jdbc.sql("SELECT ml_state, ml_probability, model_version, action FROM "
                                + "signal.signal_validations WHERE signal_id = ?")
                        .param(signal.signalId())
                        .query()
                        .singleRow();
                assertThat((Double) row.get("ml_probability")).isEqualTo(e.probability());
                assertThat(row.get("model_version")).isEqualTo(version);
                assertThat(row.get("ml_state")).isEqualTo(e.probability() >= 0.60 ? "PASSED" : "BELOW_THRESHOLD");
                assertThat(row.get("action")).isEqualTo(e.action().name());
            }
            assertThat(published).anyMatch(s -> s.mlProbability() < 0.60 && s.action() == RecommendedAction.SKIP);
            assertThat(published).anyMatch(s -> s.mlProbability() >= 0.60);
        }
    }

    @Test
    void aModelTrainedByXgboostIsScoredExactlyAsTheEvaluatorScoresIt() throws Exception {
        // The backtest trainer's first run (docs/signal-validation.md, "ML filter"), saved by XGBoost4J.
        String trained;
        try (var in = MlFilterIT.class.getResourceAsStream("/ml/xgb-2024-11-15-4h.json")) {
            trained = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String version = "it-trained-" + run;
        assertThat(post(
                                "/api/v1/ml/models",
                                TestTokens.OPERATOR,
                                candidate(version, MlFeatures.SCHEMA_VERSION, trained))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post("/api/v1/ml/models/" + version + "/promote", TestTokens.OPERATOR, "{\"reason\": \"trained\"}")
                        .statusCode())
                .isEqualTo(200);
        String symbol = "MLT" + run + "USDT";
        List<CandleClosed> candles = MarketScripts.breakout(
                symbol, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00", i -> UUID.randomUUID());
        Map<UUID, Expected> scored = expected(candles, new MlModel(version, new XgboostJsonReader().read(trained)));
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            SignalTraffic.sendCandles(bootstrap, candles);
            List<SignalValidated> published = SignalTraffic.awaitSignals(signals, symbol, scored.size(), TIMEOUT);
            assertThat(published).isNotEmpty().allSatisfy(signal -> {
                assertThat(signal.mlProbability())
                        .isEqualTo(scored.get(signal.signalId()).probability());
                assertThat(signal.modelVersion()).isEqualTo(version);
                assertThat(signal.action())
                        .isEqualTo(scored.get(signal.signalId()).action());
            });
            assertThat(published.stream()
                            .map(SignalValidated::mlProbability)
                            .distinct()
                            .count())
                    .isGreaterThan(1);
        }
    }

    @Test
    void theRegistryRefusesWhatItCannotUseAndRollsBackToThePreviousModel() throws Exception {
        String first = "it-a-" + run;
        String second = "it-b-" + run;
        HttpResponse<String> foreign =
                post("/api/v1/ml/models", TestTokens.OPERATOR, candidate(first, "signal-features-v0", MODEL));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("signal-features-v0", MlFeatures.SCHEMA_VERSION, "retrain");
        HttpResponse<String> broken = post(
                "/api/v1/ml/models",
                TestTokens.OPERATOR,
                candidate(first, MlFeatures.SCHEMA_VERSION, MODEL.replace("binary:logistic", "reg:squarederror")));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("objective reg:squarederror is not supported");
        assertThat(post("/api/v1/ml/models", TestTokens.VIEWER, candidate(first, MlFeatures.SCHEMA_VERSION, MODEL))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/ml/models", TestTokens.OPERATOR, candidate(first, MlFeatures.SCHEMA_VERSION, MODEL))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post(
                                "/api/v1/ml/models",
                                TestTokens.OPERATOR,
                                candidate(second, MlFeatures.SCHEMA_VERSION, OTHER_MODEL))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> nothing = post("/api/v1/ml/models/rollback", TestTokens.OPERATOR, "{\"reason\": \"try\"}");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(nothing.body()).contains("nothing to roll back");
        assertThat(post("/api/v1/ml/models/" + first + "/promote", TestTokens.OPERATOR, "{\"reason\": \"first\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/v1/ml/models/" + second + "/promote", TestTokens.VIEWER, "{\"reason\": \"second\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/ml/models/" + second + "/promote", TestTokens.OPERATOR, "{\"reason\": \"second\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(activeModel.active()).get().extracting(MlModel::version).isEqualTo(second);
        assertThat(post("/api/v1/ml/models/nope/promote", TestTokens.OPERATOR, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> rolledBack =
                post("/api/v1/ml/models/rollback", TestTokens.OPERATOR, "{\"reason\": \"second skips too much\"}");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(JSON.readTree(rolledBack.body()).get("version").asString()).isEqualTo(first);
        assertThat(activeModel.active()).get().extracting(MlModel::version).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM signal.ml_models WHERE status = 'ACTIVE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql(
                                "SELECT action || ' ' || version || ' ' || coalesce(replaced, '-') || ' ' || changed_by || ' ' || reason "
                                        + "FROM signal.ml_model_audit ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "UPLOAD " + first + " - operator uploaded",
                        "UPLOAD " + second + " - operator uploaded",
                        "PROMOTE " + first + " - operator first",
                        "PROMOTE " + second + " " + first + " operator second",
                        "ROLLBACK " + first + " " + second + " operator second skips too much");
        HttpResponse<String> again = post("/api/v1/ml/models/rollback", TestTokens.OPERATOR, "{\"reason\": \"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("no previous model to roll back to");
    }

    /** The probability and action the service must publish for each signal, from the same chain run offline. */
    private record Expected(Double probability, RecommendedAction action) {}

    private static Map<UUID, Expected> expected(List<CandleClosed> candles, MlModel model) {
        SignalChainSettings settings = SignalChainSettings.serviceDefaults()
                .withMlFilter(new MlFilter(0.60, model == null ? ModelSource.NONE : ModelSource.of(model)));
        SignalChain.Series series = new SignalChain(settings, SignalChain.registeredAnalysts())
                .newSeries(candles.getFirst().symbol(), candles.getFirst().interval());
        Map<UUID, Expected> expected = new LinkedHashMap<>();
        for (CandleClosed candle : candles) {
            if (series.next(MarketScripts.bar(candle)) instanceof SignalChain.Step.Judged judged) {
                for (SignalChain.ValidatedSignal signal : judged.signals()) {
                    SignalValidated event = judged.event(
                            signal, Envelope.root(UUID.randomUUID(), candle.closeTime(), candle.closeTime()));
                    expected.put(signal.signalId(), new Expected(event.mlProbability(), event.action()));
                }
            }
        }
        return expected;
    }

    private static String candidate(String version, String schema, String model) {
        return """
                {"version": "%s", "kind": "xgboost-binary-logistic", "trainedFrom": "2024-01-01T00:00:00Z",
                 "trainedTo": "2025-01-01T00:00:00Z", "featureSchema": "%s", "metrics": {"auc": 0.55, "logLoss": 0.69},
                 "artefact": %s}
                """.formatted(version, schema, model);
    }

    private String prometheus() {
        return ServiceApi.at(managementPort).get("/actuator/prometheus").body();
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return ServiceApi.at(port).as(token).post(path, body);
    }

    private HttpResponse<String> get(String path, String token) {
        return ServiceApi.at(port).as(token).get(path);
    }
}
