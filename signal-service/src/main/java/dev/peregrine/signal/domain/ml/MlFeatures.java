package dev.peregrine.signal.domain.ml;

import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.analyst.MarketContext;
import dev.peregrine.signal.domain.consensus.ConsensusResult;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Verdict;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.regime.Regime;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The feature schema of the ML filter: what a model sees of one validated signal, as an ordered vector of doubles
 * computed only from what the validation already holds (its breakdown, the candle's indicators, regime, consensus and
 * verdict). The offline trainer and signal-service both call {@link #of}, so a model is always scored on the features
 * it was trained on. A value that is not known yet (an indicator still warming up) is {@code NaN}, which the model
 * treats as missing (each split's default direction).
 *
 * <p>Prices enter only as ratios to the close, so one model serves every symbol; direction-dependent values are
 * oriented by the signal's side ({@code +1} BUY, {@code -1} SELL), so "with the signal" always has the same sign.
 * Changing a feature, its meaning or the order is a new {@link #SCHEMA_VERSION}: the registry refuses a model whose
 * schema is not this one.
 */
public final class MlFeatures {

    /** The version of this schema; a model names the schema it was trained on. */
    public static final String SCHEMA_VERSION = "signal-features-v1";

    /** The feature names, in vector order (the trainer writes them into the model). */
    public static final List<String> NAMES = List.of(
            "side", // +1 BUY, -1 SELL
            "analyst", // index of the analyst in the standard panel, NaN for an added one
            "strength", // 0..1
            "analyst_confidence",
            "consensus_support",
            "agreement",
            "regime_fit",
            "conflict_penalty",
            "volatility_damping",
            "score_with", // the consensus score on the signal's side (bull for BUY)
            "score_against",
            "agreeing_count",
            "opposing_count",
            "verdict_alignment", // +1 the verdict agrees, -1 it opposes, 0 HOLD
            "verdict_conviction",
            "trend", // 1 TRENDING, 0 RANGING, NaN unknown
            "volatility_high", // 1 HIGH, 0 LOW, NaN unknown
            "volatility_ratio",
            "rsi", // 0..1
            "adx", // 0..1
            "di_spread", // (+DI - -DI) / 100, oriented
            "bollinger_percent_b",
            "bollinger_bandwidth",
            "macd_histogram", // / close, oriented
            "atr", // / close
            "trend_distance", // (close - EMA trend) / close, oriented
            "ema_spread", // (EMA fast - EMA slow) / close, oriented
            "stochastic_k", // 0..1
            "volume_z",
            "volatility",
            "vwap_distance", // (close - VWAP) / close, oriented
            "donchian_position", // (close - lower) / (upper - lower), 0..1
            "patterns");

    public static final int COUNT = NAMES.size();

    private static final List<String> STANDARD_ANALYSTS =
            AnalystPanel.withDefaults().ids();

    private MlFeatures() {}

    /**
     * The features of one validation.
     *
     * @param context         the candle the validation was judged on (bar, indicators, regime, patterns)
     * @param volatilityRatio the candle's volatility over its normal level, empty when not known
     * @param debate          the candle's debate (consensus and verdict)
     */
    public static double[] of(
            SignalValidation validation, MarketContext context, OptionalDouble volatilityRatio, DebateRecord debate) {
        double side = validation.side() == Side.BUY ? 1.0 : -1.0;
        SignalValidation.Breakdown b = validation.breakdown();
        ConsensusResult consensus = debate.consensus();
        Verdict verdict = debate.verdict();
        IndicatorValues v = context.indicators();
        double close = v.close();
        int analyst = STANDARD_ANALYSTS.indexOf(validation.analystId());
        double[] x = new double[COUNT];
        int i = 0;
        x[i++] = side;
        x[i++] = analyst < 0 ? Double.NaN : analyst;
        x[i++] = validation.strength() / 100.0;
        x[i++] = b.analystConfidence();
        x[i++] = b.consensusSupport();
        x[i++] = b.agreement();
        x[i++] = b.regimeFit();
        x[i++] = b.conflictPenalty();
        x[i++] = b.volatilityDamping();
        x[i++] = side > 0 ? consensus.bullScore() : consensus.bearScore();
        x[i++] = side > 0 ? consensus.bearScore() : consensus.bullScore();
        x[i++] = consensus.agreeingCount();
        x[i++] = consensus.opposingCount();
        x[i++] = verdictAlignment(verdict, side);
        x[i++] = verdict.netConviction();
        x[i++] = switch (context.regime().trend()) {
            case TRENDING -> 1.0;
            case RANGING -> 0.0;
            case UNKNOWN -> Double.NaN;
        };
        x[i++] = context.regime().volatility() == Regime.Volatility.UNKNOWN
                ? Double.NaN
                : context.regime().volatility() == Regime.Volatility.HIGH ? 1.0 : 0.0;
        x[i++] = value(volatilityRatio);
        x[i++] = value(v.rsi()) / 100.0;
        x[i++] = value(v.adx().adx()) / 100.0;
        x[i++] = side * (value(v.adx().plusDi()) - value(v.adx().minusDi())) / 100.0;
        x[i++] = value(v.bollinger().percentB());
        x[i++] = value(v.bollinger().bandwidth());
        x[i++] = side * value(v.macd().histogram()) / close;
        x[i++] = value(v.atr()) / close;
        x[i++] = side * (close - value(v.emaTrend())) / close;
        x[i++] = side * (value(v.emaFast()) - value(v.emaSlow())) / close;
        x[i++] = value(v.stochastic().k()) / 100.0;
        x[i++] = value(v.volumeZScore());
        x[i++] = value(v.volatility());
        x[i++] = side * (close - value(v.vwap())) / close;
        x[i++] = donchianPosition(close, v.donchian());
        x[i++] = context.patterns().size();
        for (int k = 0; k < x.length; k++) {
            // An infinite ratio (a zero denominator) says nothing a split could use: missing.
            if (Double.isInfinite(x[k])) {
                x[k] = Double.NaN;
            }
        }
        return x;
    }

    private static double verdictAlignment(Verdict verdict, double side) {
        return switch (verdict.decision()) {
            case BULLISH -> side;
            case BEARISH -> -side;
            case HOLD -> 0.0;
        };
    }

    private static double donchianPosition(double close, IndicatorValues.Donchian donchian) {
        double upper = value(donchian.upper());
        double lower = value(donchian.lower());
        double width = upper - lower;
        return width > 0 ? (close - lower) / width : Double.NaN;
    }

    private static double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : Double.NaN;
    }
}
