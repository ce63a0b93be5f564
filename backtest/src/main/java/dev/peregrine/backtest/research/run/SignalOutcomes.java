package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.PaperVenueSettings;
import dev.peregrine.backtest.engine.PriceBar;
import dev.peregrine.backtest.engine.SignalRecord;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels a backtest's validated signals for calibration: a signal hits when the return in its direction from the
 * close of its candle to the close {@code horizonBars} candles later, after the paper venue's round-trip costs (fee
 * and slippage in and out), is above 0; its score is the validation's confidence. Signals whose horizon runs past the
 * symbol's last candle are left out. The outcome is known at the exit candle's close, which is what the label horizon
 * of the walk-forward split must cover.
 */
public final class SignalOutcomes {

    private SignalOutcomes() {}

    public static double roundTripCost(PaperVenueSettings venue) {
        return 2.0 * venue.feeRate().add(venue.slippageBps().movePointLeft(4)).doubleValue();
    }

    public static List<ScoredOutcome> of(BacktestResult result, int horizonBars) {
        if (horizonBars < 1) {
            throw new IllegalArgumentException("horizonBars must be at least 1: " + horizonBars);
        }
        double cost = roundTripCost(result.config().venue());
        Map<Symbol, List<Instant>> opens = new HashMap<>();
        List<ScoredOutcome> outcomes = new ArrayList<>();
        for (SignalRecord signal : result.signals()) {
            List<PriceBar> bars = result.prices(signal.symbol());
            List<Instant> times = opens.computeIfAbsent(
                    signal.symbol(), s -> bars.stream().map(PriceBar::openTime).toList());
            int entry = Collections.binarySearch(times, signal.openTime());
            if (entry < 0 || entry + horizonBars >= bars.size()) {
                continue;
            }
            double in = bars.get(entry).close().doubleValue();
            double out = bars.get(entry + horizonBars).close().doubleValue();
            double gross = signal.side() == Side.BUY ? out / in - 1.0 : 1.0 - out / in;
            outcomes.add(new ScoredOutcome(signal.closeTime(), signal.confidence(), gross - cost > 0));
        }
        outcomes.sort(Comparator.comparing(ScoredOutcome::at));
        return outcomes;
    }
}
