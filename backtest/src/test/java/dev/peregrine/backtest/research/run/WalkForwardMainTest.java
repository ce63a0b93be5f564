package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.backtest.cli.UsageException;
import dev.peregrine.backtest.research.export.CandidateSpace;
import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.RunStore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkForwardMainTest {

    @Test
    void parsesOptionsWithDefaultsAndRefusesUnknownKeys() {
        WalkForwardOptions options = WalkForwardOptions.parse(
                List.of("--symbols", "BTCUSDT,ETHUSDT", "--search", "genetic", "--seed", "7", "--to", "2024-12-31"),
                Path.of("data"));

        assertThat(options.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.runId()).isEqualTo("wf-genetic-7");
        assertThat(options.trainDays()).isEqualTo(120);
        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThatThrownBy(() -> WalkForwardOptions.parse(List.of("--bogus", "1"), Path.of("data")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option --bogus")
                .hasMessageContaining("--train-days");
    }

    @Test
    void helpPrintsEveryOptionWithItsDefaultAndExitCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = WalkForwardMain.run(List.of("--help"), Clock.systemUTC(), print(out), print(err));

        assertThat(exit).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("usage: ./backtest.sh walk-forward").contains("exit codes: 0 done, 2");
        // every key the parser knows is documented, so the two cannot drift apart
        for (String key : WalkForwardOptions.KEYS) {
            assertThat(help).contains("--" + key + " ");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMistakeExitsWithTwoAndSaysWhatToChange() {
        for (List<String> args : List.of(
                List.of("--bogus", "1"),
                List.of("--train-days", "many"),
                List.of("--train-days", "0"),
                List.of("--from", "2024-13-01"),
                List.of("--space", "everything"),
                List.of("--search", "random"),
                List.of("--symbols"),
                List.of("--seed", "1", "--seed", "2"),
                List.of("--data-dir", "/nonexistent", "--symbols", "BTCUSDT"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = WalkForwardMain.run(args, Clock.systemUTC(), print(new ByteArrayOutputStream()), print(err));

            assertThat(exit).as("%s", args).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .as("%s", args)
                    .startsWith("walk-forward: ")
                    .doesNotContain("Exception")
                    .containsPattern("--[a-z-]+");
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    /** Two months of real BTCUSDT 15m candles (skipped without ../shared/data). */
    @Test
    void runsWalkForwardOnTheEngineAndStoresTheRunAndTheChosenConfiguration(@TempDir Path out) throws Exception {
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
                        "--space",
                        "agreeing",
                        "--min-trades",
                        "1",
                        "--out",
                        out.toString(),
                        "--run-id",
                        "t1"),
                dataDir);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

        WalkForwardRun run =
                WalkForwardMain.run(options, clock, new PrintStream(printed, true, StandardCharsets.UTF_8));

        // 60 days: holdout from day 45; fitting to day 45 - 4h; first test after 15 days + 4h; 10-day steps
        assertThat(run.holdoutStart()).isEqualTo(Instant.parse("2024-02-15T00:00:00Z"));
        assertThat(run.folds()).hasSize(3);
        assertThat(run.folds()).allSatisfy(f -> assertThat(f.test().to()).isBefore(run.holdoutStart()));
        assertThat(run.folds()).extracting(FoldResult::trials).containsOnly(5);
        assertThat(new RunStore(out).read("t1")).isEqualTo(run);
        assertThat(Files.readString(out.resolve("t1.html"))).contains("<tr class=\"fold\"><td>0</td>");
        assertThat(Files.readString(out.resolve("t1-chosen.yml")))
                .contains("min-agreeing: " + run.folds().getLast().chosen().integer(CandidateSpace.MIN_AGREEING));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("out of sample (the result)");
    }
}
