package dev.peregrine.ingest;

import dev.peregrine.testkit.HexagonalArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules. Not yet {@link HexagonalArchitecture#checkStrictly(String)}: ingest's {@code domain} and
 * {@code domain.stream} use each other ({@code ReplayCounts} counts by {@code stream.MessageKind}; the stream parsers
 * return {@code domain.RejectionReason}, {@code Candle} and {@code Series}). Moving {@code MessageKind} up to
 * {@code domain}, or {@code ReplayCounts} down, ends the cycle; then this can check strictly.
 */
class ArchitectureTest {

    @Test
    void followsTheHexagonalRules() {
        HexagonalArchitecture.check("dev.peregrine.ingest");
    }
}
