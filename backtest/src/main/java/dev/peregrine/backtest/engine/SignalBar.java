package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.domain.bar.Bar;

/**
 * The bar signal-service's {@code EvaluateClosedCandleService} makes of a published candle, quality flags included:
 * the one conversion the engine and the ML trainer share, so both feed the chain what the live service feeds it.
 */
public final class SignalBar {

    private SignalBar() {}

    public static Bar of(CandleClosed candle) {
        return SignalChain.barOf(candle);
    }
}
