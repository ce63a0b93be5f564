package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void rejectsNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of("-0.00100000"))
                .withMessage("quantity must not be negative: -0.00100000");
    }

    @Test
    void acceptsZero() {
        assertThat(Quantity.of("0.00000000").isZero()).isTrue();
        assertThat(Quantity.ZERO.isZero()).isTrue();
        assertThat(Quantity.of("0.00000001").isZero()).isFalse();
    }

    @Test
    void rejectsWhatIsNotADecimal() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of("NaN"))
                .withMessage("quantity is not a decimal number: 'NaN'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of("1.0000000000000000001"))
                .withMessageStartingWith("quantity has more than 18 decimals");
    }

    @Test
    void keepsItsTextAndOrdersByValue() {
        assertThat(Quantity.of("412.53810000").text()).isEqualTo("412.53810000");
        assertThat(Quantity.of("0.5")).isGreaterThan(Quantity.of("0.49999999"));
    }
}
