package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExchangeSimulatorMainTest {

    @Test
    void pacesAreReadInShortAndIsoForm() {
        assertThat(ExchangeSimulatorMain.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ExchangeSimulatorMain.duration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ExchangeSimulatorMain.duration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ExchangeSimulatorMain.duration("PT0.25S")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> ExchangeSimulatorMain.duration("3x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startingBalancesAreReadAsAssetEqualsAmount() {
        TradingConfig trading = ExchangeSimulatorMain.withBalance(TradingConfig.defaults(), "USDT=10000");
        trading = ExchangeSimulatorMain.withBalance(trading, "BTC = 0.5");

        assertThat(trading.balances())
                .containsEntry("USDT", new java.math.BigDecimal("10000"))
                .containsEntry("BTC", new java.math.BigDecimal("0.5"));
        assertThatThrownBy(() -> ExchangeSimulatorMain.withBalance(TradingConfig.defaults(), "USDT"))
                .hasMessageContaining("ASSET=AMOUNT");
        assertThatThrownBy(() -> ExchangeSimulatorMain.withBalance(TradingConfig.defaults(), "USDT=-1"))
                .hasMessageContaining("cannot be negative");
    }

    @Test
    void apiRestrictionsAreReadAsFlagEqualsBoolean() {
        ApiRestrictions restrictions =
                ExchangeSimulatorMain.withRestriction(ApiRestrictions.defaults(), "enableWithdrawals=true");

        assertThat(restrictions.flag(ApiRestrictions.ENABLE_WITHDRAWALS)).isTrue();
        assertThat(restrictions.flag(ApiRestrictions.IP_RESTRICT)).isTrue();
        assertThatThrownBy(() -> ExchangeSimulatorMain.withRestriction(restrictions, "enableWithdrawals=yes"))
                .hasMessageContaining("FLAG=true|false");
        assertThatThrownBy(() -> ExchangeSimulatorMain.withRestriction(restrictions, "enableTeleport=true"))
                .hasMessageContaining("unknown API restriction");
    }
}
