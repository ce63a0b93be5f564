package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {

    @Test
    void acceptsBinanceSpelling() {
        assertThat(Symbol.of("BTCUSDT").value()).isEqualTo("BTCUSDT");
        assertThat(Symbol.of("1000SATSUSDT").toString()).isEqualTo("1000SATSUSDT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcusdt", "BtcUsdt", "BTC/USDT", "BTC-USDT", " BTCUSDT", "B", "", "ABCDEFGHIJKLMNOPQRSTU"})
    void rejectsAnythingElse(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Symbol.of(text))
                .withMessageStartingWith("symbol must be 2-20 upper case letters or digits, like BTCUSDT: '");
    }

    @Test
    void rejectsLowerCaseNamingTheInput() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Symbol.of("btcusdt"))
                .withMessageEndingWith("'btcusdt'");
    }

    @Test
    void parseLenientAcceptsTheStreamSpelling() {
        assertThat(Symbol.parseLenient("btcusdt")).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(Symbol.parseLenient(" ethBtc\n")).isEqualTo(Symbol.of("ETHBTC"));
    }

    @Test
    void parseLenientStillRejectsGarbage() {
        assertThatIllegalArgumentException().isThrownBy(() -> Symbol.parseLenient("btc-usdt"));
        assertThatNullPointerException().isThrownBy(() -> Symbol.parseLenient(null));
    }

    @Test
    void abbreviatesAVeryLongInputInTheMessage() {
        String garbage = "x".repeat(500);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Symbol.of(garbage))
                .withMessageContaining("x".repeat(40) + "...'")
                .withMessageNotContaining("x".repeat(41));
    }
}
