package dev.peregrine.backtest.ml;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.CandleFeed;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.engine.PaperVenueSettings;
import dev.peregrine.backtest.engine.SignalBar;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.value.Side;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlFilter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ML filter's training rows: signal-service's own {@link SignalChain} (its settings, without a model, so every
 * validation is the validator's own) runs over a series' candles opening inside the training window, and each signal
 * is labelled by the return in its direction from its candle's close to the close {@code horizon} later, after the
 * paper venue's round-trip costs (fee and slippage on entry and exit). A signal whose horizon ends at or after the
 * window's end is left out: no row looks past the window.
 *
 * <p>The candles go in as ingest publishes them, through its data-quality stage as the backtest engine runs it
 * ({@link CandleFeed}): a refused candle (a duplicate, one out of order) is left out, a flagged one (a gap before it,
 * a price jump, ...) is judged with its flags, so its signals are the validator's SKIPs with strength 0, exactly as
 * the live service records them. The training rows are what signal-service sees.
 */
public final class SignalDataset {

    private final SignalChainSettings settings;
    private final QualitySettings quality;
    private final Duration horizon;
    private final double roundTripCost;

    /** @param config signal-service's chain settings, ingest's quality rules and the paper venue's costs */
    public SignalDataset(BacktestConfig config, Duration horizon) {
        Objects.requireNonNull(config, "config");
        this.settings = config.signal().withMlFilter(MlFilter.withoutModel());
        this.quality = config.quality();
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive: " + horizon);
        }
        this.roundTripCost = roundTripCost(config.venue());
    }

    /** Fee and slippage on the way in and on the way out, as fractions of the notional. */
    public static double roundTripCost(PaperVenueSettings venue) {
        BigDecimal oneWay = venue.feeRate().add(venue.slippageBps().movePointLeft(4));
        return oneWay.doubleValue() * 2.0;
    }

    public double roundTripCost() {
        return roundTripCost;
    }

    /** The labelled signals of one series whose candles open in [{@code from}, {@code to}). */
    public List<LabelledSignal> rows(KlineSeries series, Instant from, Instant to) {
        List<CandleClosed> candles = published(series, from, to);
        SignalChain.Series chain = new SignalChain(settings, SignalChain.registeredAnalysts())
                .newSeries(series.symbol(), series.interval());
        List<LabelledSignal> rows = new ArrayList<>();
        int exitIndex = 0;
        for (int i = 0; i < candles.size(); i++) {
            CandleClosed candle = candles.get(i);
            if (!(chain.next(SignalBar.of(candle)) instanceof SignalChain.Step.Judged judged)
                    || !judged.hasCandidates()) {
                continue;
            }
            Instant exitClose = candle.closeTime().plus(horizon);
            exitIndex = Math.max(exitIndex, i);
            while (exitIndex < candles.size()
                    && candles.get(exitIndex).closeTime().isBefore(exitClose)) {
                exitIndex++;
            }
            if (exitIndex >= candles.size()) {
                break; // the horizon leaves the window: this and every later signal are left out
            }
            CandleClosed exit = candles.get(exitIndex);
            double entryPrice = candle.close().value().doubleValue();
            double exitPrice = exit.close().value().doubleValue();
            for (int k = 0; k < judged.signals().size(); k++) {
                SignalChain.ValidatedSignal signal = judged.signals().get(k);
                double gross = signal.validation().side() == Side.BUY
                        ? exitPrice / entryPrice - 1.0
                        : 1.0 - exitPrice / entryPrice;
                double[] features = MlFeatures.of(
                        signal.validation(),
                        judged.context(),
                        judged.volatilityRatio(),
                        judged.assessment().debate());
                rows.add(new LabelledSignal(
                        candle.closeTime(),
                        exit.closeTime(),
                        series.symbol().value(),
                        signal.strategyId(),
                        features,
                        gross - roundTripCost));
            }
        }
        return rows;
    }

    /**
     * The series' candles as ingest's quality stage publishes them (the whole series judged in order, as live ingest
     * sees it), those opening in [{@code from}, {@code to}).
     */
    List<CandleClosed> published(KlineSeries series, Instant from, Instant to) {
        return CandleFeed.of(List.of(series), quality).stream()
                .filter(c -> !c.openTime().isBefore(from) && c.openTime().isBefore(to))
                .toList();
    }
}
