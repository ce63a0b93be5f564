package dev.peregrine.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LatencyLedgerTest {

    private static final long MS = 1_000_000;

    private final LatencyLedger ledger = new LatencyLedger();

    @Test
    void anIntentIsTimedFromItsCandlesDueTimeAndSendAndSplitAtItsSignal() {
        UUID candle = UUID.randomUUID();
        UUID signal = UUID.randomUUID();
        // Due at 0, sent 2 ms late (the feeder was behind), signal received at 5 ms, intent at 12 ms.
        ledger.sent(candle, new LatencyLedger.Sent(0, 2 * MS, 1_000, true));
        ledger.signal(signal, candle, 5 * MS, 1_003);
        ledger.intent(UUID.randomUUID(), signal, candle, 12 * MS, 1_009, 1_010);

        assertThat(ledger.intentFromDue.getValueAtPercentile(100)).isBetween(11_990L, 12_010L);
        assertThat(ledger.intentFromSend.getValueAtPercentile(100)).isBetween(9_990L, 10_010L);
        assertThat(ledger.candleToSignal.getValueAtPercentile(100)).isBetween(2_995L, 3_005L);
        assertThat(ledger.signalToIntent.getValueAtPercentile(100)).isBetween(6_995L, 7_005L);
        assertThat(ledger.publishedCandleToSignal.getValueAtPercentile(100)).isBetween(2_995L, 3_005L);
        assertThat(ledger.publishedSignalToIntent.getValueAtPercentile(100)).isBetween(5_995L, 6_005L);
        assertThat(ledger.publishedIntentToReceipt.getValueAtPercentile(100)).isBetween(995L, 1_005L);
        assertThat(ledger.intentsMeasured.get()).isEqualTo(1);
        assertThat(ledger.candlesWithIntent.get()).isEqualTo(1);
        assertThat(ledger.unmatchedIntents()).isZero();
    }

    @Test
    void theVenuesFirstReportEndsAnIntentsChainWhicheverIsReadFirst() {
        UUID candle = UUID.randomUUID();
        UUID signal = UUID.randomUUID();
        UUID intent = UUID.randomUUID();
        UUID otherIntent = UUID.randomUUID();
        ledger.sent(candle, new LatencyLedger.Sent(0, 0, 1_000, true));
        ledger.signal(signal, candle, 5 * MS, 1_005);
        ledger.intent(intent, signal, candle, 9 * MS, 1_009, 1_009);
        ledger.report(intent, 13 * MS, 1_012);
        ledger.report(intent, 20 * MS, 1_020); // its fill after the acceptance: not a second acknowledgement
        // A report read before its intent (their topics' partitions answered in the other order).
        ledger.report(otherIntent, 30 * MS, 1_030);
        ledger.intent(otherIntent, signal, candle, 25 * MS, 1_025, 1_025);

        assertThat(ledger.reportsMeasured.get()).isEqualTo(2);
        assertThat(ledger.reportFromDue.getMinValue()).isBetween(12_990L, 13_010L);
        // HdrHistogram keeps three significant digits: 30 ms is read back as the top of its bucket.
        assertThat(ledger.reportFromDue.getMaxValue()).isBetween(29_970L, 30_030L);
        assertThat(ledger.intentToReport.getMinValue()).isBetween(3_995L, 4_005L);
        assertThat(ledger.intentToReport.getMaxValue()).isBetween(4_995L, 5_005L);
        assertThat(ledger.publishedIntentToReport.getMinValue()).isBetween(2_995L, 3_005L);
    }

    @Test
    void aReportOfAnIntentNotOursIsNotTimed() {
        ledger.report(UUID.randomUUID(), 13 * MS, 1_012);

        assertThat(ledger.reportsMeasured.get()).isZero();
        assertThat(ledger.reportFromDue.getTotalCount()).isZero();
    }

    @Test
    void warmUpCandlesCountButAreNotTimed() {
        UUID candle = UUID.randomUUID();
        UUID signal = UUID.randomUUID();
        ledger.sent(candle, new LatencyLedger.Sent(0, 0, 1_000, false));
        ledger.signal(signal, candle, 5 * MS, 1_005);
        ledger.intent(UUID.randomUUID(), signal, candle, 9 * MS, 1_009, 1_009);

        assertThat(ledger.signalsOfOurs.get()).isEqualTo(1);
        assertThat(ledger.intentsOfOurs.get()).isEqualTo(1);
        assertThat(ledger.intentsMeasured.get()).isZero();
        assertThat(ledger.intentFromDue.getTotalCount()).isZero();
        assertThat(ledger.candleToSignal.getTotalCount()).isZero();
    }

    @Test
    void onlyTheFirstSignalOfACandleTimesTheFirstStage() {
        UUID candle = UUID.randomUUID();
        ledger.sent(candle, new LatencyLedger.Sent(0, 0, 1_000, true));
        ledger.signal(UUID.randomUUID(), candle, 4 * MS, 1_004);
        ledger.signal(UUID.randomUUID(), candle, 6 * MS, 1_006);

        assertThat(ledger.signalsOfOurs.get()).isEqualTo(2);
        assertThat(ledger.candleToSignal.getTotalCount()).isEqualTo(1);
        assertThat(ledger.candleToSignal.getMaxValue()).isBetween(3_995L, 4_005L);
    }

    @Test
    void anIntentWhoseSignalIsOfAnotherCandleIsTimedWholeButNotSplit() {
        UUID oldCandle = UUID.randomUUID();
        UUID candle = UUID.randomUUID();
        UUID entrySignal = UUID.randomUUID();
        ledger.sent(oldCandle, new LatencyLedger.Sent(0, 0, 1_000, true));
        ledger.sent(candle, new LatencyLedger.Sent(10 * MS, 10 * MS, 1_010, true));
        ledger.signal(entrySignal, oldCandle, 3 * MS, 1_003);
        ledger.intent(UUID.randomUUID(), entrySignal, candle, 15 * MS, 1_015, 1_015);

        assertThat(ledger.intentFromDue.getTotalCount()).isEqualTo(1);
        assertThat(ledger.signalToIntent.getTotalCount()).isZero();
        assertThat(ledger.intentsWithoutSignalOfTheirCandle.get()).isEqualTo(1);
    }

    @Test
    void intentsOfPrimingCandlesAreSetApartAndOnlyUnknownCandlesAreUnmatched() {
        UUID primed = UUID.randomUUID();
        UUID primedLate = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        ledger.primed(primed);
        ledger.intent(UUID.randomUUID(), UUID.randomUUID(), primed, MS, 1, 1);
        // An intent read before its (ingest's) candle: resolved once the candle has been read.
        ledger.intent(UUID.randomUUID(), UUID.randomUUID(), primedLate, MS, 1, 1);
        ledger.primed(primedLate);
        ledger.intent(UUID.randomUUID(), UUID.randomUUID(), unknown, MS, 1, 1);

        assertThat(ledger.intentsOfPriming.get()).isEqualTo(1);
        assertThat(ledger.unmatchedIntents()).isEqualTo(1);
        assertThat(ledger.primedCandles()).isEqualTo(2);
        assertThat(ledger.intentsOfOurs.get()).isZero();
    }

    @Test
    void exitsOfAStrategyChangeAreSetApartNotUnmatched() {
        UUID pauseCommand = UUID.randomUUID();
        UUID pauseChain = UUID.randomUUID();
        UUID laterChange = UUID.randomUUID();
        ledger.strategyChange(pauseCommand, pauseChain);
        ledger.intent(UUID.randomUUID(), UUID.randomUUID(), pauseChain, MS, 1, 1);
        // An exit read before the state change it answers: resolved once the change has been read.
        ledger.intent(UUID.randomUUID(), UUID.randomUUID(), laterChange, MS, 1, 1);
        ledger.strategyChange(laterChange, laterChange);

        assertThat(ledger.intentsOfStrategyChanges.get()).isEqualTo(1);
        assertThat(ledger.unmatchedIntents()).isZero();
        assertThat(ledger.intentsOfOurs.get()).isZero();
    }

    @Test
    void decisionsOnTheHarnessCandlesAreCountedByOutcome() {
        UUID candle = UUID.randomUUID();
        ledger.sent(candle, new LatencyLedger.Sent(0, 0, 1_000, true));
        ledger.decision(candle, "approved BUY");
        ledger.decision(candle, "denied ACTION_SKIP");
        ledger.decision(candle, "denied ACTION_SKIP");
        ledger.decision(UUID.randomUUID(), "approved BUY");

        assertThat(ledger.decisions()).isEqualTo(Map.of("approved BUY", 1L, "denied ACTION_SKIP", 2L));
    }
}
