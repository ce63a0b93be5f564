package dev.peregrine.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.benchmarks.signal.Klines;
import org.junit.jupiter.api.Test;

/**
 * The latency harness's bounded form: 15 s of candles at 100/s over the five real 15m series, through the suite. It
 * asserts that the measurement works (every candle sent, every intent matched to its candle, every measured intent
 * timed, the stages recorded up to the venue's report, CPU per stage reported), never a time: the figures are for docs/performance.md, from the full form
 * ({@code benchmarks/latency.sh}). Skipped when {@code ../shared/data} is absent.
 */
class CandleToIntentIT {

    @Test
    void everyIntentIsTracedBackToItsCandleAndTimed() throws Exception {
        assumeTrue(
                CandleToIntentHarness.SERIES.stream()
                        .allMatch(s ->
                                Klines.locate(s.split("-")[0], s.split("-")[1]).isPresent()),
                "the five 15m kline files of ../shared/data/binance/klines are needed");
        LatencyOptions options = LatencyOptions.parse(
                        "--rate=100", "--duration=15s", "--warmup=2s", "--progress=5s", "--drain-timeout=60s")
                .orElseThrow();

        CandleToIntentHarness.Outcome outcome = new CandleToIntentHarness(options, System.out).run();

        LatencyLedger ledger = outcome.ledger();
        assertThat(outcome.complete()).as(outcome.report()).isTrue();
        assertThat(ledger.candlesSent.get()).as(outcome.report()).isEqualTo(1_500);
        assertThat(outcome.facts().unmatchedIntents()).as(outcome.report()).isZero();
        // At least the 5 x 300 priming candles: the collector reads the topics from their beginning, so on a broker
        // shared with other ITs of this JVM (CI) it also counts their candles, which is what lets it tell their
        // intents from ours.
        assertThat(outcome.facts().primedCandles()).as(outcome.report()).isGreaterThanOrEqualTo(1_500);
        assertThat(ledger.signalsOfOurs.get()).as(outcome.report()).isPositive();
        assertThat(ledger.intentsMeasured.get()).as(outcome.report()).isPositive();
        assertThat(ledger.intentFromDue.getTotalCount()).as(outcome.report()).isEqualTo(ledger.intentsMeasured.get());
        assertThat(ledger.intentFromSend.getTotalCount()).as(outcome.report()).isEqualTo(ledger.intentsMeasured.get());
        assertThat(ledger.candleToSignal.getTotalCount()).as(outcome.report()).isPositive();
        assertThat(ledger.signalToIntent.getTotalCount() + ledger.intentsWithoutSignalOfTheirCandle.get())
                .as(outcome.report())
                .isEqualTo(ledger.intentsMeasured.get());
        // The venue's reports end the chain: every one timed is an intent of ours, and with execution caught up
        // (the drain waits for it) the paper venue has answered some.
        assertThat(ledger.reportsMeasured.get()).as(outcome.report()).isPositive();
        assertThat(ledger.reportFromDue.getTotalCount()).isEqualTo(ledger.reportsMeasured.get());
        assertThat(ledger.reportsMeasured.get()).isLessThanOrEqualTo(ledger.intentsMeasured.get());
        assertThat(outcome.report()).contains("| CPU over the feed", "| PostgreSQL");
        // The schedule is never ahead of the send: a corrected latency is at least the uncorrected one.
        assertThat(ledger.intentFromDue.getMaxValue()).isGreaterThanOrEqualTo(ledger.intentFromSend.getMaxValue());
    }
}
