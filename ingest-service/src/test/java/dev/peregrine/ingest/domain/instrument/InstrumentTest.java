package dev.peregrine.ingest.domain.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentTest {

    private static Instrument btc(String maxQty, String marketMaxQty, String maxNotional) {
        return new Instrument(
                Symbol.of("BTCUSDT"),
                "TRADING",
                "BTC",
                "USDT",
                new BigDecimal("0.01000000"),
                new BigDecimal("0.00001000"),
                new BigDecimal("0.00001000"),
                new BigDecimal("5.00000000"),
                decimal(maxQty),
                decimal(marketMaxQty),
                decimal(maxNotional));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    @Test
    void aZeroLimitIsNoLimit() {
        Instrument zeros = btc("0.00000000", "0", "0E-8");

        assertThat(zeros.maxQuantity()).isNull();
        assertThat(zeros.marketMaxQuantity()).isNull();
        assertThat(zeros.maxNotional()).isNull();
        assertThat(zeros.sameAs(btc(null, null, null))).isTrue();
    }

    @Test
    void limitsAreComparedByValueAndOneThatAppearsDisappearsOrMovesIsAChange() {
        Instrument binance = btc("9000.00000000", "128.52621715", "9000000.00000000");

        assertThat(binance.sameAs(btc("9000", "128.52621715", "9E+6"))).isTrue();
        assertThat(binance.sameAs(btc("9001", "128.52621715", "9000000"))).isFalse();
        assertThat(binance.sameAs(btc("9000", null, "9000000"))).isFalse();
        assertThat(btc("9000", null, "9000000").sameAs(binance)).isFalse();
        assertThat(binance.sameAs(btc("9000", "128.52621715", "1000000"))).isFalse();
    }

    @Test
    void aNegativeLimitIsRefusedWithItsFilterName() {
        assertThatThrownBy(() -> btc("9000", "-1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTCUSDT: MARKET_LOT_SIZE maxQty cannot be negative, was -1");
    }
}
