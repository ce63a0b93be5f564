package dev.peregrine.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.backtest.report.WalkForwardResultsMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest.sh}'s subcommand dispatch, run for real with {@code PEREGRINE_SKIP_BUILD=1} on this test's own
 * compiled classes and class path (a private build folder whose class path file names them).
 */
class BacktestScriptTest {

    private static final Path SCRIPT =
            Path.of("..", "backtest.sh").toAbsolutePath().normalize();

    @TempDir
    Path buildDir;

    @BeforeEach
    void buildFolder() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "backtest.sh not found beside the module");
        Path classes = Path.of(WalkForwardResultsMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.createDirectories(buildDir.resolve("classes"));
        Files.writeString(
                buildDir.resolve("backtest.classpath"),
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path"));
    }

    @Test
    void helpListsEverySubcommand() throws Exception {
        Result result = script("--help");

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).contains("usage: ./backtest.sh [SUBCOMMAND]");
        for (String subcommand : List.of("run", "walk-forward", "calibrate", "train-ml", "results")) {
            assertThat(result.out()).containsPattern("(?m)^  " + subcommand + " ");
        }
    }

    @Test
    void resultsDispatchesToTheResultsPage() throws Exception {
        Result help = script("results", "--help");
        assertThat(help.exit()).isEqualTo(0);
        assertThat(help.out()).contains("usage: ./backtest.sh results [--out FILE] RUN.json");

        Result missing = script("results");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("results: name at least one stored run");
    }

    @Test
    void runAndNoSubcommandBothReachTheBacktest() throws Exception {
        assertThat(script("run", "--help").out()).contains("Usage: ./backtest.sh [run] --symbols");
        Result bare = script("--no-such-option");
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("unknown option --no-such-option");
    }

    @Test
    void walkForwardCalibrateAndTrainMlPrintTheirOwnHelpAndRefuseABadOptionWithTwo() throws Exception {
        for (String subcommand : List.of("walk-forward", "calibrate", "train-ml")) {
            Result help = script(subcommand, "--help");
            assertThat(help.exit()).isEqualTo(0);
            assertThat(help.out())
                    .startsWith("usage: ./backtest.sh " + subcommand)
                    .contains("--symbols A,B")
                    .contains("exit codes: 0 done, 2");

            Result bad = script(subcommand, "--no-such-key", "1");
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err())
                    .startsWith(subcommand + ": unknown option --no-such-key")
                    .contains("--help");
        }
    }

    @Test
    void anUnknownSubcommandIsRefused() throws Exception {
        Result result = script("optimise");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown subcommand 'optimise'").contains("walk-forward");
    }

    private Result script(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PEREGRINE_SKIP_BUILD", "1");
        builder.environment().put("PEREGRINE_BACKTEST_BUILD_DIR", buildDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = buildDir.resolve("out.txt");
        Path err = buildDir.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("backtest.sh finished")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {}
}
