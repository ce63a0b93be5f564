package dev.peregrine.signal.domain.consensus;

import static dev.peregrine.signal.domain.analyst.Stance.BEARISH;
import static dev.peregrine.signal.domain.analyst.Stance.BULLISH;
import static dev.peregrine.signal.domain.consensus.Panels.member;
import static dev.peregrine.signal.domain.consensus.Panels.neutral;
import static dev.peregrine.signal.domain.consensus.Panels.paused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeliberationTest {

    private static final List<PanelMember> PANEL = List.of(
            member("momentum", BULLISH, 0.8, 1.0),
            member("breakout", BULLISH, 0.7, 0.8),
            member("order-flow", BEARISH, 0.4, 0.6),
            neutral("mean-reversion", 0.3),
            paused("chart-patterns", BEARISH, 0.9, 0.5));

    @Test
    void oneSessionGivesTheConsensusTheCasesAndTheVerdictOfTheSamePanel() {
        DebateRecord record = Deliberation.withDefaults().deliberate(PANEL);
        ConsensusResult consensus = Consensus.withDefaults().compute(PANEL);
        Debate debate = Debate.between(PANEL);
        assertThat(record.consensus()).isEqualTo(consensus);
        assertThat(record.bull()).isEqualTo(debate.bull());
        assertThat(record.bear()).isEqualTo(debate.bear());
        assertThat(record.verdict()).isEqualTo(Arbiter.withDefaults().judge(debate, consensus));
        assertThat(record.verdict().decision()).isEqualTo(Verdict.Decision.BULLISH);
    }

    @Test
    void theRecordIsPlainDataThatSurvivesAJsonRoundTrip() {
        DebateRecord record = Deliberation.withDefaults().deliberate(PANEL);
        JsonMapper json = JsonMapper.builder().build();
        String text = json.writeValueAsString(record);
        assertThat(text)
                .contains("\"decision\":\"BULLISH\"", "\"analystId\":\"momentum\"", "\"code\":\"PAUSED_EXCLUDED\"");
        assertThat(json.readValue(text, DebateRecord.class)).isEqualTo(record);
    }
}
