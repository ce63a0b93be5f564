package dev.peregrine.monitor.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    @Test
    void logGammaMatchesKnownValues() {
        // ln Γ(1/2) = ln √π = 0.5723649429247001; ln Γ(10) = ln 9! = ln 362880 = 12.801827480081469
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5723649429247001, within(1e-13));
        assertThat(SpecialFunctions.logGamma(10)).isCloseTo(12.801827480081469, within(1e-12));
        assertThat(SpecialFunctions.logGamma(1)).isCloseTo(0, within(1e-14));
        // below 1/2 through the reflection formula; reference scipy/math.lgamma(0.1), lgamma(123.4)
        assertThat(SpecialFunctions.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-12));
        assertThat(SpecialFunctions.logGamma(123.4)).isCloseTo(469.3360974421906, within(1e-9));
        assertThatThrownBy(() -> SpecialFunctions.logGamma(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incompleteBetaMatchesClosedFormsAndReferenceValues() {
        // I_x(1,1) = x; I_x(a,1) = x^a; I_x(1,b) = 1 - (1-x)^b; I_½(a,a) = ½
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.3, 1, 1)).isCloseTo(0.3, within(1e-14));
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.6, 3, 1)).isCloseTo(0.216, within(1e-13));
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.2, 1, 4)).isCloseTo(1 - 0.4096, within(1e-13));
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.5, 7.5, 7.5)).isCloseTo(0.5, within(1e-13));
        // scipy.special.betainc(2.5, 1.5, 0.3), (0.5, 7, 0.05), (30, 40, 0.45)
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.3, 2.5, 1.5))
                .isCloseTo(0.08894372317066562, within(1e-12));
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.05, 0.5, 7))
                .isCloseTo(0.5948684952530259, within(1e-12));
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0.45, 30, 40))
                .isCloseTo(0.6447480085585666, within(1e-11));
    }

    @Test
    void incompleteBetaIsZeroAndOneAtTheEnds() {
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0, 2, 3)).isZero();
        assertThat(SpecialFunctions.regularizedIncompleteBeta(1, 2, 3)).isEqualTo(1);
        assertThatThrownBy(() -> SpecialFunctions.regularizedIncompleteBeta(0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
