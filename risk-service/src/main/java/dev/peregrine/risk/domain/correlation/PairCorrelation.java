package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/**
 * The measured correlation of two symbols, kept with the number of returns behind it so a view can show how much
 * data a link rests on.
 *
 * @param first         the alphabetically smaller symbol
 * @param second        the alphabetically larger symbol
 * @param correlation   Pearson correlation of their daily log returns, within [-1, 1]
 * @param commonReturns number of days both had a return
 */
public record PairCorrelation(Symbol first, Symbol second, double correlation, int commonReturns) {

    public PairCorrelation {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("first must sort before second: " + first + ", " + second);
        }
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new IllegalArgumentException("correlation must be within [-1, 1]: " + correlation);
        }
        if (commonReturns < 2) {
            throw new IllegalArgumentException("commonReturns must be at least 2: " + commonReturns);
        }
    }

    public boolean involves(Symbol symbol) {
        return first.equals(symbol) || second.equals(symbol);
    }
}
