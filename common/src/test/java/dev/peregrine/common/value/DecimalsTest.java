package dev.peregrine.common.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void plainTextIsToPlainStringWhateverTheScaleAndSize() {
        for (String text : List.of(
                "0",
                "0.00000000",
                "1E+3",
                "1.0E-7",
                "0.00000010",
                "-0.000001",
                "27123.45000000",
                "123456789012345678901234567890.123456789012345678",
                "5E-18",
                "-12E+5")) {
            BigDecimal value = new BigDecimal(text);
            assertThat(Decimals.plain(value)).as(text).isEqualTo(value.toPlainString());
        }
        Random random = new Random(20261121);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(1 + random.nextInt(90), random), random.nextInt(30) - 8);
            BigDecimal negated = value.negate();
            assertThat(Decimals.plain(value)).isEqualTo(value.toPlainString());
            assertThat(Decimals.plain(negated)).isEqualTo(negated.toPlainString());
        }
    }
}
