package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.calibration.CalibrationReport;
import dev.peregrine.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

        Map<String, CalibrationReport> reports =
                CalibrationMain.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

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
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("isotonic, out of sample");
    }
}
