package dev.peregrine.backtest.ml;

import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.engine.PaperVenueSettings;
import dev.peregrine.common.value.Side;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.domain.bar.Bar;
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
 * <p>The candles go in as the files hold them, without ingest's quality stage, so no signal here is skipped for a
 * data-quality flag as it would be live (a flagged candle is rare in these files).
 */
public final class SignalDataset {

    private final SignalChain.Settings settings;
    private final Duration horizon;
    private final double roundTripCost;

    public SignalDataset(SignalChain.Settings settings, PaperVenueSettings venue, Duration horizon) {
        this.settings = Objects.requireNonNull(settings, "settings").withMlFilter(MlFilter.withoutModel());
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive: " + horizon);
        }
        this.roundTripCost = roundTripCost(venue);
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
        List<Candle> candles = series.candles().stream()
                .filter(c -> !c.openTime().isBefore(from) && c.openTime().isBefore(to))
                .toList();
        SignalChain.Series chain = new SignalChain(settings, SignalChain.registeredAnalysts())
                .newSeries(series.symbol(), series.interval());
        List<LabelledSignal> rows = new ArrayList<>();
        int exitIndex = 0;
        for (int i = 0; i < candles.size(); i++) {
            Candle candle = candles.get(i);
            if (!(chain.next(bar(candle)) instanceof SignalChain.Step.Judged judged) || !judged.hasCandidates()) {
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
            Candle exit = candles.get(exitIndex);
            double entryPrice = candle.close().doubleValue();
            double exitPrice = exit.close().doubleValue();
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

    /** The bar signal-service makes of a candle (no quality flags: see the class comment). */
    static Bar bar(Candle c) {
        return new Bar(
                c.openTime(),
                c.closeTime(),
                c.open(),
                c.high(),
                c.low(),
                c.close(),
                c.volume(),
                c.quoteVolume(),
                c.takerBuyBaseVolume(),
                List.of());
    }
}
