package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTest {

    @Test
    void acceptsTheSmallestBinanceTick() {
        Price price = Price.of("0.00000001");

        assertThat(price.value()).isEqualByComparingTo("1E-8");
        assertThat(price.text()).isEqualTo("0.00000001");
    }

    @Test
    void keepsTheExactTextIncludingTrailingZeros() {
        assertThat(Price.of("27123.45000000").text()).isEqualTo("27123.45000000");
        assertThat(Price.of(" 27123.45 ").text()).isEqualTo("27123.45");
        assertThat(Price.of("1E+3").text()).isEqualTo("1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00000000", "-0.00000001", "-27123.45"})
    void rejectsZeroAndNegative(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of(text))
                .withMessageStartingWith("price must be positive: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "abc", "27,123.45", "0x10"})
    void rejectsWhatIsNotADecimal(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of(text))
                .withMessage("price is not a decimal number: '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsBlank(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Price.of(text)).withMessage("price must not be blank");
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException()
                .isThrownBy(() -> Price.of((String) null))
                .withMessage("price must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> Price.of((BigDecimal) null))
                .withMessage("price must not be null");
    }

    @Test
    void rejectsMoreThan18Decimals() {
        assertThat(Price.of("0.000000000000000001").value().scale()).isEqualTo(18);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("1.0000000000000000001"))
                .withMessage("price has more than 18 decimals: 1.0000000000000000001");
    }

    @Test
    void comparesByValueWhileEqualityKeepsTheScale() {
        assertThat(Price.of("27123.45")).isLessThan(Price.of("27123.46"));
        assertThat(Price.of("27123.45")).isEqualByComparingTo(Price.of("27123.4500"));
        assertThat(Price.of("27123.45")).isNotEqualTo(Price.of("27123.4500"));
    }
}
