package dev.peregrine.signal;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules. Not yet {@link HexagonalArchitecture#checkStrictly(String)}: signal's {@code domain} and its
 * sub-packages {@code analyst}, {@code consensus}, {@code indicator}, {@code pattern} and {@code regime} form one
 * package cycle, because the sub-packages use {@code domain.Bar} ({@code MarketContext}, {@code IndicatorBank},
 * {@code SeriesFeatureTracker}, the analysts) while {@code SeriesState} and {@code SignalPipeline} in {@code domain}
 * assemble them. {@code Bar} in a package of its own ends it; then this can check strictly.
 */
class ArchitectureTest {

    @Test
    void domainAndApplicationStayFrameworkFreeAndPointInwards() {
        HexagonalArchitecture.check("dev.peregrine.signal");
    }
}
