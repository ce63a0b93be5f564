package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndSubtractsInOneCurrency() {
        Money pnl = Money.of("12.50", "USDT").minus(Money.of("20.25", "USDT"));

        assertThat(pnl).isEqualTo(Money.of("-7.75", "USDT"));
        assertThat(pnl.plus(Money.of("7.75", "USDT")).amount()).isZero();
        assertThat(pnl.toString()).isEqualTo("-7.75 USDT");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1", "USDT").plus(Money.of("1", "BTC")))
                .withMessage("cannot mix USDT and BTC");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1", "BTC").minus(Money.of("1", "USDT")))
                .withMessage("cannot mix BTC and USDT");
    }

    @Test
    void currencyIsAnAssetCode() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1", "usdt"))
                .withMessage("currency must be an asset code like USDT: 'usdt'");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "U"));
    }

    @Test
    void amountIsADecimal() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("Infinity", "USDT"))
                .withMessage("money amount is not a decimal number: 'Infinity'");
    }
}
