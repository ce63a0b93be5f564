package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.time.Duration;

/** What signal-service counts and measures. */
public interface SignalMetrics {

    void signalValidated(String strategyId, Grade grade, RecommendedAction action, int strength);

    /** A candle did not move its series; {@code reason} is {@code duplicate} or {@code out_of_order}. */
    void candleIgnored(String reason);

    /** Time to judge one candle: series update, panel, debate, validation, storing and publishing. */
    void evaluationLatency(Duration latency);

    void pausedStrategies(int count);

    /** The arbiter's verdict on a candle with at least one candidate. */
    void debateVerdict(Verdict.Decision decision);

    /** The consensus of a candle with at least one candidate flagged a conflict. */
    void consensusConflict();

    /** How many series are warm (every indicator and the regime baseline have their history) and how many not yet. */
    void seriesWarmth(int warm, int warming);

    /** A series was rebuilt from {@code candles} stored candles on its first candle after a start or an eviction. */
    void seriesRebuilt(int candles);

    /**
     * A series' state was dropped from memory ({@code reason}: {@code idle} when its symbol stopped trading,
     * {@code capacity} when more series than the bound were held); its next candle rebuilds it from stored candles.
     */
    void seriesEvicted(String reason);

    /** One validation through the ML filter: {@code state} NO_MODEL, PASSED or BELOW_THRESHOLD. */
    default void mlScored(String state) {}

    /** The ML model the filter scores with now; null when none is active. */
    default void activeModel(String version) {}
}
