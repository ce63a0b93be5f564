package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every decimal of the contracts stays within {@link Decimals}' bounds: real Binance values at the edges pass, each
 * bound refuses what is one step beyond it, and absurd input is refused cheaply with a short message.
 */
class DecimalBoundsTest {

    private static final String LARGEST = "99999999999999999999.999999999999999999";

    @Test
    void theBoundsAreWhatTheDocumentationSays() {
        assertThat(Decimals.MAX_SCALE).isEqualTo(18);
        assertThat(Decimals.MAX_INTEGER_DIGITS).isEqualTo(20);
        assertThat(Decimals.MAX_PRECISION).isEqualTo(38);
        assertThat(LARGEST).hasSizeLessThanOrEqualTo(Decimals.MAX_TEXT_LENGTH);
    }

    // Real values at the edges.

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.00000001",
                "0.00001234",
                "0.00000872",
                "0.00000000023",
                "1.00000000",
                "27123.45000000",
                "108353.99000000"
            })
    void realPricesPass(String text) {
        // SHIBUSDT and PEPEUSDT trade at 8 decimals with 3 or 4 significant digits; SATS-like pairs quote below 1e-9.
        assertThat(Price.of(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0.00001000", "9000.00000000", "0.00000001", "92233720368.54775807", "1468530421234567.00000000"
            })
    void realQuantitiesPass(String text) {
        // BTC's lot step and its market-order maximum; Binance's largest order quantity (a signed 64-bit integer at
        // 8 decimals); and a month of PEPE volume (around 1.5e15 base units).
        assertThat(Quantity.of(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9000000.00000000", "41234567890.12345678", "-250000.75", "0.000000000000000001"})
    void realMoneyPasses(String text) {
        // The NOTIONAL filter's maximum on BTCUSDT, a month of BTCUSDT quote volume, a loss, a fee share at 18
        // decimals.
        assertThat(Money.of(text, "USDT").amount()).isEqualByComparingTo(text);
    }

    @Test
    void derivedValuesTakenTo18DecimalsPass() {
        BigDecimal average =
                new BigDecimal("12345.67").divide(new BigDecimal("3"), 18, java.math.RoundingMode.HALF_EVEN);

        assertThat(Price.of(average).value().scale()).isEqualTo(18);
        assertThat(Quantity.of(BigDecimal.ONE.setScale(18)).isZero()).isFalse();
    }

    // The bounds, each at its edge and one step beyond.

    @Test
    void theLargestValueWithinTheBoundsPassesEverywhere() {
        assertThat(Price.of(LARGEST).text()).isEqualTo(LARGEST);
        assertThat(Quantity.of(LARGEST).text()).isEqualTo(LARGEST);
        assertThat(Money.of("-" + LARGEST, "USDT").amount().precision()).isEqualTo(38);
    }

    @Test
    void eighteenDecimalsPassNineteenDoNot() {
        assertThat(Price.of("0.000000000000000001").value().scale()).isEqualTo(18);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("0.0000000000000000001"))
                .withMessage("price has more than 18 decimals: 0.0000000000000000001");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("1.0000000000000000000", "USDT"))
                .withMessage("money amount has more than 18 decimals: 1.0000000000000000000");
    }

    @Test
    void twentyIntegerDigitsPassTwentyOneDoNot() {
        assertThat(Quantity.of("99999999999999999999").value().precision()).isEqualTo(20);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of("100000000000000000000"))
                .withMessage("quantity has more than 20 digits before the decimal point (at most 38 significant"
                        + " digits): 100000000000000000000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("-100000000000000000000.5", "USDT"))
                .withMessageStartingWith("money amount has more than 20 digits before the decimal point");
    }

    @Test
    void anExponentCountsAsTheDigitsItStandsFor() {
        assertThat(Price.of("1E+19").value()).isEqualByComparingTo("10000000000000000000");
        assertThat(Price.of("1E-18").text()).isEqualTo("0.000000000000000001");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("1E+20"))
                .withMessageStartingWith("price has more than 20 digits before the decimal point");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("1E-19"))
                .withMessageStartingWith("price has more than 18 decimals");
    }

    @Test
    void aHugeExponentIsRefusedWithAShortMessage() {
        // The plain text of 1e999999 is a million characters: neither the value nor its message may build it.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("1e999999"))
                .withMessage("price has more than 20 digits before the decimal point (at most 38 significant digits):"
                        + " 1E+999999");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of("1e-999999"))
                .withMessage("quantity has more than 18 decimals: 1E-999999");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of("-1E+2147483647", "USDT"))
                .withMessageEndingWith(": -1E+2147483647");
    }

    @Test
    void aZeroWithAHugeExponentIsRefusedToo() {
        assertThat(Quantity.of("0E+19").isZero()).isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of("0E+999999"))
                .withMessageStartingWith("quantity has more than 20 digits before the decimal point");
    }

    @Test
    void tenThousandDigitsAreRefusedBeforeTheyAreParsed() {
        String digits = "1".repeat(10_000);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of(digits))
                .withMessage("quantity is longer than 64 characters (10000): '" + "1".repeat(40) + "...'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("0." + "0".repeat(9_998) + "1"))
                .withMessageStartingWith("price is longer than 64 characters (10001)");
    }

    @Test
    void sixtyFourCharactersAreReadSixtyFiveAreNot() {
        String padded = "0".repeat(62) + ".5";
        assertThat(padded).hasSize(64);

        assertThat(Price.of(padded).value()).isEqualByComparingTo("0.5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of("0" + padded))
                .withMessageStartingWith("price is longer than 64 characters (65)");
    }

    @Test
    void aHugeValueBuiltInCodeIsRefusedByTheValueTypesToo() {
        BigDecimal huge = new BigDecimal(java.math.BigInteger.TEN.pow(10_000));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Price.of(huge))
                .withMessageStartingWith("price has more than 20 digits before the decimal point")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Money(huge.negate(), "USDT"))
                .withMessageStartingWith("money amount has more than 20 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+Infinity", "1e", "0x10", "1,5", "∞"})
    void notANumberAndInfinityAreNotDecimals(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Quantity.of(text))
                .withMessage("quantity is not a decimal number: '" + text + "'");
    }

    @Test
    void checkReturnsTheValueItself() {
        BigDecimal value = new BigDecimal("27123.45000000");

        assertThat(Decimals.check("price", value)).isSameAs(value);
    }
}
