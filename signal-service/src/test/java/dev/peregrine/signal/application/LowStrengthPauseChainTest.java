package dev.peregrine.signal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.domain.LowStrengthPause;
import dev.peregrine.signal.domain.bar.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The low-strength pause on the one chain: off changes nothing; on, a restart's rebuild gives the same pauses. */
class LowStrengthPauseChainTest {

    private static final Symbol SYMBOL = Symbol.of("BTCUSDT");
    private static final Interval INTERVAL = Interval.FIFTEEN_MINUTES;

    private static List<CandleClosed> candles() {
        return MarketScripts.waves(
                SYMBOL.value(),
                INTERVAL,
                Instant.parse("2025-01-01T00:00:00Z"),
                900,
                i -> DerivedIds.from("pause-test", i));
    }

    private static SignalChain chain(LowStrengthPause pause) {
        return new SignalChain(
                SignalChainSettings.serviceDefaults().withStrengthPause(pause), SignalChain.registeredAnalysts());
    }

    private static List<SignalChain.ValidatedSignal> judgeAll(SignalChain.Series series, List<CandleClosed> candles) {
        List<SignalChain.ValidatedSignal> signals = new ArrayList<>();
        for (CandleClosed candle : candles) {
            signals.addAll(((SignalChain.Step.Judged) series.next(MarketScripts.bar(candle))).signals());
        }
        return signals;
    }

    @Test
    void offTheChainDecidesAsWithoutTheRule() {
        List<CandleClosed> candles = candles();

        assertThat(judgeAll(chain(LowStrengthPause.OFF).newSeries(SYMBOL, INTERVAL), candles))
                .isNotEmpty()
                .isEqualTo(judgeAll(SignalChain.withServiceDefaults().newSeries(SYMBOL, INTERVAL), candles));
    }

    @Test
    void onAWeakStrategysSignalsAreSkippedWithTheReasonAndOthersAreNot() {
        List<SignalChain.ValidatedSignal> off =
                judgeAll(chain(LowStrengthPause.OFF).newSeries(SYMBOL, INTERVAL), candles());
        List<SignalChain.ValidatedSignal> on =
                judgeAll(chain(new LowStrengthPause(5, 50)).newSeries(SYMBOL, INTERVAL), candles());

        assertThat(on).hasSameSizeAs(off);
        int paused = 0;
        for (int i = 0; i < on.size(); i++) {
            boolean isPaused = on.get(i).validation().reasons().stream()
                    .map(Reason::code)
                    .anyMatch(LowStrengthPause.REASON::equals);
            if (isPaused) {
                paused++;
                assertThat(on.get(i).validation().action()).isEqualTo(RecommendedAction.SKIP);
            } else {
                assertThat(on.get(i)).isEqualTo(off.get(i));
            }
        }
        assertThat(paused).isPositive().isLessThan(on.size());
    }

    @Test
    void aRebuiltSeriesPausesExactlyAsTheLiveOneBecauseReplayedSignalsJoinTheAverage() {
        List<CandleClosed> candles = candles();
        // threshold 100: every strategy with a full window is paused, so the first signals after the rebuild show
        // whether the replayed candles' signals were counted
        SignalChain chain = chain(new LowStrengthPause(3, 100));
        SignalChain.Series live = chain.newSeries(SYMBOL, INTERVAL);
        SignalChain.Series rebuilt = chain.newSeries(SYMBOL, INTERVAL);
        int split = 700;
        for (int i = 0; i < split; i++) {
            live.next(MarketScripts.bar(candles.get(i)));
            assertThat(rebuilt.replay(MarketScripts.bar(candles.get(i)))).isTrue();
        }
        Set<String> seen = new HashSet<>();
        int firstSignalsPaused = 0;
        for (int i = split; i < candles.size(); i++) {
            Bar bar = MarketScripts.bar(candles.get(i));
            List<SignalChain.ValidatedSignal> fromRebuilt = ((SignalChain.Step.Judged) rebuilt.next(bar)).signals();
            assertThat(fromRebuilt).isEqualTo(((SignalChain.Step.Judged) live.next(bar)).signals());
            for (SignalChain.ValidatedSignal signal : fromRebuilt) {
                if (seen.add(signal.strategyId())
                        && signal.validation().action() == RecommendedAction.SKIP
                        && signal.validation().reasons().getLast().code().equals(LowStrengthPause.REASON)) {
                    firstSignalsPaused++;
                }
            }
        }
        assertThat(firstSignalsPaused).isPositive();
    }
}
