package dev.peregrine.benchmarks.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.testkit.SharedData;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The replay audit's bounded form: the first 2,000 candles of the real BTCUSDT 15m file (three weeks) through the
 * whole suite, every check passing. About a minute on two cores, most of it starting the five services. Skipped
 * when {@code ../shared/data} is not beside the project. The five whole files are {@code benchmarks/replay-audit.sh}.
 */
class ReplayAuditIT {

    @Test
    void theFirstTwoThousandBtcCandlesTradeThroughTheSuiteAndEveryCheckPasses() throws Exception {
        Optional<Path> file = SharedData.file("binance/klines/BTCUSDT-15m.csv.gz");
        assumeTrue(
                file.isPresent(),
                "no ../shared/data/binance/klines/BTCUSDT-15m.csv.gz here: the audit needs real data");
        AuditOptions options = AuditOptions.parse(
                        file.get().toString(), "--candles=2000", "--quiet=5s", "--timeout=5m", "--progress=10s")
                .orElseThrow();

        ReplayAuditHarness.Outcome outcome = new ReplayAuditHarness(options, System.out).run();

        assertThat(outcome.passed()).as(outcome.report()).isTrue();
        assertThat(outcome.result().account().decisions().get("approved BUY"))
                .as(outcome.report())
                .isPositive();
        assertThat(outcome.result().strategies().stream()
                        .mapToInt(ReplayAudit.StrategyStats::trades)
                        .sum())
                .as(outcome.report())
                .isPositive();
    }
}
