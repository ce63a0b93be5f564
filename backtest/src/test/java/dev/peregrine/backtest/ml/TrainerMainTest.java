package dev.peregrine.backtest.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.signal.adapter.out.ml.XgboostJsonReader;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trainer on four months of real BTCUSDT 15m klines (skipped without ../shared/data): the split keeps fitted and
 * measured outcomes apart, and it writes a model signal-service's reader accepts and an upload body the registry takes.
 */
class TrainerMainTest {

    @Test
    void trainsOnTheEarlierPartMeasuresOnTheLaterAndWritesTheUpload(@TempDir Path out) throws Exception {
        Path data = SharedData.require("binance/klines/BTCUSDT-15m.csv.gz").getParent();
        ByteArrayOutputStream summary = new ByteArrayOutputStream();

        TrainingRun.Result result = TrainerMain.run(
                TrainerMain.options(
                        "--data-dir",
                        data.toString(),
                        "--symbols",
                        "BTCUSDT",
                        "--from",
                        "2023-01-02",
                        "--to",
                        "2023-05-01",
                        "--validation",
                        "0.25",
                        "--out",
                        out.toString(),
                        "--version",
                        "test-1"),
                new PrintStream(summary, true, StandardCharsets.UTF_8));

        assertThat(result.split())
                .isEqualTo(TrainingRun.split(
                        Instant.parse("2023-01-02T00:00:00Z"), Instant.parse("2023-05-01T00:00:00Z"), 0.25));
        assertThat(result.trainRows()).isGreaterThan(500);
        assertThat(result.validation().rows()).isGreaterThan(100);
        assertThat(result.validation().auc()).isBetween(0.0, 1.0);
        JsonNode candidate = JsonMapper.builder().build().readTree(Files.readString(out.resolve("candidate.json")));
        assertThat(candidate.get("version").asString()).isEqualTo("test-1");
        assertThat(candidate.get("featureSchema").asString()).isEqualTo(MlFeatures.SCHEMA_VERSION);
        assertThat(candidate.get("trainedTo").asString())
                .isEqualTo(result.split().toString());
        assertThat(candidate.get("metrics").get("validationRows").asInt())
                .isEqualTo(result.validation().rows());
        String model = Files.readString(out.resolve("model.json"));
        MlModel.requireSchema(new XgboostJsonReader().read(model));
        MlModel.requireSchema(new XgboostJsonReader()
                .read(JsonMapper.builder().build().writeValueAsString(candidate.get("artefact"))));
        assertThat(summary.toString(StandardCharsets.UTF_8)).contains("validation AUC", "test-1");
    }

    @Test
    void noSignalThatTrainsOverlapsOneThatMeasures() throws Exception {
        Path data = SharedData.require("binance/klines/BTCUSDT-15m.csv.gz").getParent();
        Instant from = Instant.parse("2023-01-02T00:00:00Z");
        Instant to = Instant.parse("2023-03-01T00:00:00Z");
        Instant split = TrainingRun.split(from, to, 0.3);
        var config = dev.peregrine.backtest.engine.BacktestConfig.serviceDefaults();
        var series = dev.peregrine.backtest.engine.KlineSeries.read(
                data.resolve("BTCUSDT-15m.csv.gz"), from, to, Integer.MAX_VALUE);
        var rows = new SignalDataset(config.signal(), config.venue(), java.time.Duration.ofHours(4))
                .rows(series, from, to);

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.exitTime()).isBefore(to);
            assertThat(row.exitTime()).isAfterOrEqualTo(row.time().plus(java.time.Duration.ofHours(4)));
        });
        // the split TrainingRun applies: training rows end before it, measuring rows start at or after it
        long straddling = rows.stream()
                .filter(r -> r.time().isBefore(split) && !r.exitTime().isBefore(split))
                .count();
        assertThat(straddling).isPositive();
    }
}
