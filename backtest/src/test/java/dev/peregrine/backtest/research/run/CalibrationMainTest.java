package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.calibration.CalibrationReport;
import dev.peregrine.signal.config.CalibrationFile;
import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two months of real BTCUSDT 15m candles (skipped without ../shared/data). */
class CalibrationMainTest {

    @Test
    void scoresRawConfidenceIsotonicAndPlattOnTestWindowsOnly(@TempDir Path out) throws Exception {
        Path dataDir = SharedData.require("binance/klines/BTCUSDT-15m.csv.gz").getParent();
        WalkForwardOptions options = WalkForwardOptions.parse(
                List.of(
                        "--data-dir",
                        dataDir.toString(),
                        "--symbols",
                        "BTCUSDT",
                        "--from",
                        "2024-01-01",
                        "--to",
                        "2024-02-29",
                        "--train-days",
                        "15",
                        "--test-days",
                        "10",
                        "--out",
                        out.toString(),
                        "--run-id",
                        "c1"),
                dataDir);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Path exported = out.resolve("calibration.json");
        Map<String, CalibrationReport> reports = CalibrationMain.run(
                options,
                CalibrationMethod.ISOTONIC,
                Optional.of(exported),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(reports).containsOnlyKeys("raw-confidence", "isotonic", "platt");
        CalibrationReport raw = reports.get("raw-confidence");
        assertThat(raw.predictions()).isPositive();
        // the same test-window signals are scored by every predictor
        assertThat(reports.values()).allSatisfy(r -> {
            assertThat(r.predictions()).isEqualTo(raw.predictions());
            assertThat(r.hitRate()).isEqualTo(raw.hitRate());
            assertThat(r.brier()).isBetween(0.0, 1.0);
        });
        assertThat(Files.readString(out.resolve("c1-calibration.json"))).contains("\"brierSkill\"", "\"reliability\"");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("isotonic, out of sample", "grades monotone out of sample");
        assertThat(Files.readString(out.resolve("c1-calibration.json"))).contains("\"grades\"", "\"monotone\"");
        // the exported calibration is what signal-service loads, fitted before the holdout only
        ConfidenceCalibration calibration = CalibrationFile.read(exported);
        assertThat(calibration.method()).isEqualTo(CalibrationMethod.ISOTONIC);
        assertThat(calibration.horizonBars()).isEqualTo(16);
        assertThat(calibration.fittedUntil()).isBefore(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(calibration.fittedFrom()).isAfterOrEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(calibration.version()).startsWith("isotonic-2024-02-");
    }

    @Test
    void helpPrintsEveryOptionAndMistakesExitWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(CalibrationMain.run(List.of("--help"), o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: ./backtest.sh calibrate")
                .contains("--export FILE", "--from-run FILE", "--method M", "--horizon-bars N", "exit codes");
        assertThat(CalibrationMain.run(List.of("--method", "spline"), o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("calibrate: --method is isotonic or platt");
        assertThat(CalibrationMain.run(List.of("--export"), o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--export needs a value");
        assertThat(CalibrationMain.run(List.of("--from-run", "a.json", "--export", "b.json"), o, e))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot be combined with --from-run");
        assertThat(CalibrationMain.run(List.of("--from-run", "no-such-run.json"), o, e))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from-run is a walk-forward run's");
    }
}
