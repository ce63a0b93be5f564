package dev.peregrine.backtest.research.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.search.Parameter;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.search.ParameterSpace;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServiceConfigExportTest {

    @Test
    void theSeedCandidateIsAPointOfTheDeclaredSpaceAndTheConfidenceSweepIsInIt() {
        ParameterSpace space = CandidateSpace.issue12();
        ParameterAssignment seed = CandidateSpace.seedCandidate();

        assertThat(seed.values().keySet())
                .containsExactlyElementsOf(
                        space.parameters().stream().map(Parameter::name).toList());
        for (Parameter p : space.parameters()) {
            assertThat(IntStream.range(0, p.size()).mapToObj(p::valueAt))
                    .as(p.name())
                    .contains(seed.value(p.name()));
        }
        Parameter confidence = space.parameters().stream()
                .filter(p -> p.name().equals(CandidateSpace.MIN_CONFIDENCE))
                .findFirst()
                .orElseThrow();
        assertThat(IntStream.range(0, confidence.size())
                        .mapToObj(i -> confidence.valueAt(i).toString()))
                .containsExactly("0.50", "0.55", "0.60", "0.65", "0.70", "0.75");
    }

    @Test
    void theEngineApplicableSpaceHoldsOnlyServiceKeysAndStillOffersThreeAgreeingAnalysts() {
        ParameterSpace space = CandidateSpace.engineApplicable();

        assertThat(space.parameters())
                .extracting(Parameter::name)
                .containsExactly(
                        CandidateSpace.MIN_AGREEING,
                        CandidateSpace.CONFLICT_THRESHOLD,
                        CandidateSpace.CONVICTION_THRESHOLD,
                        CandidateSpace.MIN_CONFIDENCE,
                        CandidateSpace.TARGET_CONFIDENCE,
                        CandidateSpace.PAUSE_THRESHOLD,
                        CandidateSpace.PAUSE_WINDOW,
                        CandidateSpace.RISK_PER_TRADE,
                        CandidateSpace.REWARD_TO_RISK);
        Parameter agreeing = space.parameters().getFirst();
        assertThat(IntStream.range(0, agreeing.size()).mapToObj(agreeing::valueAt))
                .contains(3);
    }

    @Test
    void exportsServiceKeysAsYamlAndListsWhatTheServicesCannotCarry() {
        String yaml = ServiceConfigExport.yaml(CandidateSpace.seedCandidate(), "seed candidate");

        assertThat(yaml).isEqualTo("""
                # seed candidate
                peregrine:
                  risk:
                    reward-to-risk: 2.0
                    risk-per-trade: 0.010
                  signal:
                    arbiter:
                      conviction-threshold: 0.25
                    consensus:
                      conflict-threshold: 0.25
                      min-agreeing: 3
                    strength-pause:
                      threshold: 50
                      window: 20
                    validation:
                      min-confidence: 0.70
                      target-confidence: 0.85
                """);
    }

    @Test
    void exportsServiceKeysAsProperties() {
        String properties = ServiceConfigExport.properties(CandidateSpace.seedCandidate(), "seed candidate");

        assertThat(properties).isEqualTo("""
                # seed candidate
                peregrine.risk.reward-to-risk=2.0
                peregrine.risk.risk-per-trade=0.010
                peregrine.signal.arbiter.conviction-threshold=0.25
                peregrine.signal.consensus.conflict-threshold=0.25
                peregrine.signal.consensus.min-agreeing=3
                peregrine.signal.strength-pause.threshold=50
                peregrine.signal.strength-pause.window=20
                peregrine.signal.validation.min-confidence=0.70
                peregrine.signal.validation.target-confidence=0.85
                """);
    }
}
