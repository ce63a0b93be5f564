package dev.peregrine.signal.domain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The debate texts' numbers read exactly as {@code String.format(Locale.ROOT, "%.3f", v)} wrote them. */
class ThreeDecimalsTest {

    @Test
    void writesWhatTheFormatterWrote() {
        List<Double> edges = List.of(
                0.0,
                -0.0,
                0.0005,
                -0.0005,
                0.0004999,
                1.0005,
                2.0005,
                0.1235,
                0.9995,
                -0.9995,
                1.0,
                1e-12,
                -1e-12,
                123456.78951,
                1e20,
                -1e20,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                0.1 + 0.2,
                2.675,
                1.0 / 3.0);
        for (double value : edges) {
            assertThat(ThreeDecimals.of(value)).as("%s", value).isEqualTo(expected(value));
        }
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            double unit = random.nextDouble(-1.0, 1.0);
            double onGrid = Math.round(random.nextDouble(-2_000.0, 2_000.0)) / 2_000.0;
            double scaled = unit * Math.pow(10, random.nextInt(-8, 9));
            for (double value : new double[] {unit, onGrid, scaled}) {
                assertThat(ThreeDecimals.of(value)).as("%s", value).isEqualTo(expected(value));
            }
        }
    }

    private static String expected(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
