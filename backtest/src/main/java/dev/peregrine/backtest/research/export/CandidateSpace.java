package dev.peregrine.backtest.research.export;

import dev.peregrine.backtest.research.search.DecimalParameter;
import dev.peregrine.backtest.research.search.IntegerParameter;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.search.ParameterSpace;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The declared space of issue 12's search, with the seed's candidate thresholds in it. Parameters named
 * {@code peregrine.*} are real property keys of signal-service ({@code SignalProperties}) or risk-service
 * ({@code RiskProperties}), among them the seed's confidence thresholds (off in the services by default):
 * <ul>
 *   <li>{@link #MIN_CONFIDENCE}: the validation's minimum confidence (seed 70 %, sweep 50..75 %: below it SKIP;
 *       50 % changes nothing while the confidence is strength / 100, where everything below 50 is skipped anyway);</li>
 *   <li>{@link #TARGET_CONFIDENCE}: the target confidence (seed 85 %, sweep 75..95 %: below it the size is scaled by
 *       confidence / target); the sweeps do not overlap, so every point is a valid configuration (target &gt;= min).</li>
 * </ul>
 * and the seed's "pause below an average strength of 50" (signal-service's {@code LowStrengthPause}, off by
 * default): {@link #PAUSE_THRESHOLD} (0 = off, so the search judges the pause against no pause) and
 * {@link #PAUSE_WINDOW}, the signals the average is over. A {@code research.*} parameter (none today) would be one
 * the services have no key for, which only a backtest could apply.
 * "At least 3 analysts agreeing" is {@code peregrine.signal.consensus.min-agreeing = 3} (service default 2).
 */
public final class CandidateSpace {

    public static final String MIN_AGREEING = "peregrine.signal.consensus.min-agreeing";
    public static final String CONFLICT_THRESHOLD = "peregrine.signal.consensus.conflict-threshold";
    public static final String CONVICTION_THRESHOLD = "peregrine.signal.arbiter.conviction-threshold";
    public static final String RISK_PER_TRADE = "peregrine.risk.risk-per-trade";
    public static final String REWARD_TO_RISK = "peregrine.risk.reward-to-risk";
    public static final String MIN_CONFIDENCE = "peregrine.signal.validation.min-confidence";
    public static final String TARGET_CONFIDENCE = "peregrine.signal.validation.target-confidence";
    public static final String PAUSE_THRESHOLD = "peregrine.signal.strength-pause.threshold";
    public static final String PAUSE_WINDOW = "peregrine.signal.strength-pause.window";

    private CandidateSpace() {}

    /** Ranges around the service defaults that include every seed candidate. */
    public static ParameterSpace issue12() {
        return ParameterSpace.of(
                IntegerParameter.of(MIN_AGREEING, 1, 5),
                DecimalParameter.of(CONFLICT_THRESHOLD, "0.15", "0.40", "0.05"),
                DecimalParameter.of(CONVICTION_THRESHOLD, "0.15", "0.45", "0.05"),
                DecimalParameter.of(MIN_CONFIDENCE, "0.50", "0.75", "0.05"),
                DecimalParameter.of(TARGET_CONFIDENCE, "0.75", "0.95", "0.05"),
                new IntegerParameter(PAUSE_THRESHOLD, 0, 70, 10),
                new IntegerParameter(PAUSE_WINDOW, 10, 30, 10),
                DecimalParameter.of(RISK_PER_TRADE, "0.005", "0.020", "0.005"),
                DecimalParameter.of(REWARD_TO_RISK, "1.0", "3.0", "0.5"));
    }

    /** A small grid of the signal chain's cut-offs: analysts agreeing 1..5 x conviction threshold 0.15..0.45. */
    public static ParameterSpace thresholds() {
        return ParameterSpace.of(
                IntegerParameter.of(MIN_AGREEING, 1, 5),
                DecimalParameter.of(CONVICTION_THRESHOLD, "0.15", "0.45", "0.05"));
    }

    /**
     * The seed's low-strength pause against none: threshold 0 (off), 10, ..., 50 (the seed's), 60 x a window of 10 or
     * 30 signals, 14 points (the two off points are one configuration, scored alike).
     */
    public static ParameterSpace pause() {
        return ParameterSpace.of(
                new IntegerParameter(PAUSE_THRESHOLD, 0, 60, 10), new IntegerParameter(PAUSE_WINDOW, 10, 30, 20));
    }

    /**
     * The part of {@link #issue12()} the backtest engine can apply today (the services' keys only): the seed's
     * "at least 3 analysts agreeing" is in it as min-agreeing 3, its minimum and target confidence and its pause below
     * an average strength: every parameter of {@link #issue12()} today.
     */
    public static ParameterSpace engineApplicable() {
        return new ParameterSpace(issue12().parameters().stream()
                .filter(p -> p.name().startsWith("peregrine."))
                .toList());
    }

    /**
     * The seed's candidate: 3 analysts agreeing, 70 % minimum and 85 % target confidence, pause below average
     * strength 50; the other parameters at the services' defaults (signal-service.yml, risk-service.yml).
     */
    public static ParameterAssignment seedCandidate() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(MIN_AGREEING, 3);
        values.put(CONFLICT_THRESHOLD, new BigDecimal("0.25"));
        values.put(CONVICTION_THRESHOLD, new BigDecimal("0.25"));
        values.put(MIN_CONFIDENCE, new BigDecimal("0.70"));
        values.put(TARGET_CONFIDENCE, new BigDecimal("0.85"));
        values.put(PAUSE_THRESHOLD, 50);
        values.put(PAUSE_WINDOW, 20);
        values.put(RISK_PER_TRADE, new BigDecimal("0.010"));
        values.put(REWARD_TO_RISK, new BigDecimal("2.0"));
        return new ParameterAssignment(values);
    }
}
