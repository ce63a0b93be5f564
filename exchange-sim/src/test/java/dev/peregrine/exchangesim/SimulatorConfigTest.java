package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void aSeriesWithoutInstrumentGetsPlaceholderFiltersSplitAtTheQuoteAsset() {
        SimulatorConfig config = SimulatorConfig.builder()
                .klines("ETHBTC", KlineInterval.M1, TestKlines.minutes(1, 100))
                .build();

        Instrument instrument = config.instrument("ETHBTC").orElseThrow();
        assertThat(instrument.baseAsset()).isEqualTo("ETH");
        assertThat(instrument.quoteAsset()).isEqualTo("BTC");
        assertThat(instrument.tickSize()).isEqualByComparingTo(new BigDecimal("0.01"));
    }

    @Test
    void configuredInstrumentsAreKept() {
        Instrument btc = Instrument.trading("BTCUSDT", "BTC", "USDT", "0.10", "0.001", "0.001", "10");

        SimulatorConfig config = SimulatorConfig.builder()
                .instrument(btc)
                .klines("BTCUSDT", KlineInterval.M1, TestKlines.minutes(1, 100))
                .build();

        assertThat(config.instruments()).containsExactly(btc);
    }

    @Test
    void mistakesAreReportedWhenBuilding() {
        assertThatThrownBy(
                        () -> SimulatorConfig.builder().klines("btcusdt", KlineInterval.M1, TestKlines.minutes(1, 1)))
                .hasMessageContaining("not a Binance symbol");
        assertThatThrownBy(() -> Instrument.trading("BTCUSDT", "BTC", "USDC", "0.1", "0.1", "0.1", "1"))
                .hasMessageContaining("baseAsset + quoteAsset");
        assertThatThrownBy(() -> SimulatorConfig.builder()
                        .maxIncomingMessagesPerSecond(0)
                        .build())
                .hasMessageContaining("at least 1");
    }
}
