package dev.peregrine.monitor.domain.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionDifferenceTest {

    @Test
    void fortyFiveOfAHundredAgainstSixtyOfAHundred() {
        // p̄ = 105/200 = 0.525; pooled se = √(0.525·0.475·(2/100)) = √0.0049875 = 0.0706223
        // z = 0.15/0.0706223 = 2.1239770; p = 2(1 - Φ(2.1239770)) = 0.0336721
        // unpooled se = √(0.45·0.55/100 + 0.6·0.4/100) = √0.004875 = 0.0698212
        // CI = 0.15 ± 1.959964·0.0698212 = 0.15 ± 0.1368470 → 0.0131530 .. 0.2868470
        ProportionDifference test = ProportionDifference.of(45, 100, 60, 100, 0.95);
        assertThat(test.difference()).isCloseTo(0.15, within(1e-15));
        assertThat(test.z()).isCloseTo(2.1239769762143657, within(1e-10));
        assertThat(test.pValue()).isCloseTo(0.033672068856345855, within(3e-7));
        assertThat(test.lower()).isCloseTo(0.013152962213704211, within(1e-8));
        assertThat(test.upper()).isCloseTo(0.2868470377862957, within(1e-8));
    }

    @Test
    void identicalRatesAndDegenerateSamples() {
        ProportionDifference equal = ProportionDifference.of(5, 10, 50, 100, 0.95);
        assertThat(equal.z()).isZero();
        assertThat(equal.pValue()).isCloseTo(1, within(1e-7));
        // all hits in both arms: no variation, the test has nothing to say
        ProportionDifference allHits = ProportionDifference.of(10, 10, 20, 20, 0.95);
        assertThat(allHits.z()).isNaN();
        assertThat(allHits.pValue()).isEqualTo(1);
        assertThat(allHits.lower()).isZero();
        ProportionDifference empty = ProportionDifference.of(0, 0, 3, 5, 0.95);
        assertThat(empty.rateA()).isNaN();
        assertThat(empty.rateB()).isEqualTo(0.6);
        assertThat(empty.pValue()).isNaN();
        assertThatThrownBy(() -> ProportionDifference.of(6, 5, 3, 5, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
