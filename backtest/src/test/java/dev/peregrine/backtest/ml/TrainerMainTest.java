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
import java.util.ArrayList;
import java.util.List;
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
        var rows = new SignalDataset(config, java.time.Duration.ofHours(4)).rows(series, from, to);

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

    @Test
    void helpPrintsEveryOptionWithItsDefaultAndExitCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(TrainerMain.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream())))
                .isZero();

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("usage: ./backtest.sh train-ml").contains("exit codes: 0 done, 2");
        for (String option : List.of(
                "--data-dir",
                "--from",
                "--to",
                "--out",
                "--symbols",
                "--interval",
                "--horizon",
                "--validation",
                "--version")) {
            assertThat(help).contains(option + " ");
        }
    }

    @Test
    void aMistakeExitsWithTwoAndSaysWhatToChange() {
        List<String> base = List.of("--data-dir", "d", "--from", "2024-01-01", "--to", "2024-02-01", "--out", "o");
        for (List<String> mistake : List.of(
                List.of("--bogus", "1"),
                List.of("--validation", "1.5"),
                List.of("--horizon", "soon"),
                List.of("--interval", "7m"),
                List.of("--from", "2024-02-01"),
                List.of("--out"))) {
            List<String> args = new ArrayList<>(base);
            int at = args.indexOf(mistake.getFirst());
            if (at >= 0 && mistake.size() == 2) {
                args.set(at + 1, mistake.get(1));
            } else {
                args.addAll(mistake);
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = TrainerMain.run(args.toArray(String[]::new), print(new ByteArrayOutputStream()), print(err));

            assertThat(exit).as("%s", args).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .as("%s", args)
                    .startsWith("train-ml: ")
                    .doesNotContain("Exception")
                    .contains(mistake.getFirst().equals("--from") ? "--to must be after --from" : mistake.getFirst());
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(TrainerMain.run(
                        new String[] {"--from", "2024-01-01"}, print(new ByteArrayOutputStream()), print(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data-dir is required");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
