package dev.peregrine.signal.domain.indicator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.signal.domain.bar.Bar;
import java.util.List;
import java.util.Optional;

/**
 * The indicator bank against ta4j on the first 20,000 BTCUSDT 15-minute klines (2023-01-02 to 2023-07-29,
 * including Binance's 2023-03-24 outage: an early-closed candle and a 75-minute gap). Skipped where
 * {@code ../shared/data} is absent.
 */
class BtcTa4jOracleTest extends Ta4jOracleContract {

    static final int BARS = 20_000;

    @Override
    List<Bar> bars() {
        Optional<List<Bar>> bars = RealBars.btc(BARS);
        assumeTrue(
                bars.isPresent(),
                "../shared/data/" + RealBars.BTC_FILE + " is not present: skipping the BTC oracle check");
        return bars.get();
    }
}
