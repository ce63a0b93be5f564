package dev.peregrine.risk.domain.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transition of the breaker, the drawdown limit and the kill switch. */
class RiskControlsTest {

    private static final ControlPolicy POLICY = new ControlPolicy(
            new BigDecimal("0.01"), new BigDecimal("0.02"), new BigDecimal("0.5"), null, true, new BigDecimal("0.10"));
    private static final Instant NOON = Instant.parse("2024-03-01T12:00:00Z");

    private final RiskControls controls = new RiskControls(POLICY, ControlsSnapshot.INITIAL);

    @Test
    void activeReducesAtTheWarningHaltsAtTheLimitAndResumesAtTheNextUtcDay() {
        assertThat(controls.observe(valued("9950", "10000", "10000"), NOON)).isEmpty();

        List<ControlTransition> warned = controls.observe(valued("9900", "10000", "10000"), NOON);
        assertThat(warned).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo("REDUCING");
            assertThat(t.reason().code()).isEqualTo("DAILY_LOSS_WARNING");
        });
        assertThat(controls.sizeFactor()).isEqualByComparingTo("0.5");
        assertThat(controls.entryBlocks()).isEmpty();

        List<ControlTransition> halted = controls.observe(valued("9800", "10000", "10000"), NOON);
        assertThat(halted).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("REDUCING");
            assertThat(t.to()).isEqualTo("HALTED");
            assertThat(t.flatten()).isTrue();
            assertThat(t.dailyPnl()).isEqualByComparingTo("-200");
        });
        assertThat(controls.entryBlocks()).extracting(r -> r.code()).containsExactly("DAILY_LOSS_HALTED");
        assertThat(controls.haltedUntil()).contains(Instant.parse("2024-03-02T00:00:00Z"));

        assertThat(controls.observe(valued("9700", "10000", "10000"), Instant.parse("2024-03-01T23:59:00Z")))
                .isEmpty();
        List<ControlTransition> resumed =
                controls.observe(valued("9700", "9700", "10000"), Instant.parse("2024-03-02T00:14:59.999Z"));
        assertThat(resumed).extracting(ControlTransition::to).containsExactly("ACTIVE");
        assertThat(controls.entryBlocks()).isEmpty();
    }

    @Test
    void reducingRecoversWhenTheLossShrinksBelowTheWarning() {
        controls.observe(valued("9900", "10000", "10000"), NOON);

        assertThat(controls.observe(valued("9950", "10000", "10000"), NOON))
                .extracting(ControlTransition::to)
                .containsExactly("ACTIVE");
    }

    @Test
    void aFixedCooldownEndsAHaltByItself() {
        RiskControls withCooldown = new RiskControls(
                new ControlPolicy(
                        new BigDecimal("0.01"),
                        new BigDecimal("0.02"),
                        new BigDecimal("0.5"),
                        Duration.ofHours(4),
                        false,
                        new BigDecimal("0.10")),
                ControlsSnapshot.INITIAL);
        withCooldown.observe(valued("9800", "10000", "10000"), NOON);

        assertThat(withCooldown.observe(valued("9800", "10000", "10000"), NOON.plus(Duration.ofHours(4))))
                .extracting(ControlTransition::to)
                .containsExactly("ACTIVE", "HALTED");
    }

    @Test
    void anOperatorResetRebasesTheDayOnEquityNowSoTheSameLossDoesNotTripAgain() {
        controls.observe(valued("9800", "10000", "10000"), NOON);

        List<ControlTransition> reset =
                controls.reset("operator", "checked the fills", valued("9800", "10000", "10000"), NOON.plusSeconds(60));

        assertThat(reset).singleElement().satisfies(t -> {
            assertThat(t.actor()).isEqualTo("operator");
            assertThat(t.reason().detail()).isEqualTo("checked the fills");
            assertThat(t.to()).isEqualTo("ACTIVE");
        });
        assertThat(controls.observe(valued("9800", "10000", "10000"), NOON.plusSeconds(120)))
                .isEmpty();
        assertThat(controls.observe(valued("9600", "10000", "10000"), NOON.plusSeconds(180)))
                .extracting(ControlTransition::to)
                .containsExactly("HALTED");
    }

    @Test
    void theDrawdownLimitHaltsUntilAnOperatorResetsIt() {
        List<ControlTransition> halted = controls.observe(valued("9000", "9000", "10000"), NOON);

        assertThat(halted).singleElement().satisfies(t -> {
            assertThat(t.control()).isEqualTo(ControlTransition.DRAWDOWN_LIMIT);
            assertThat(t.to()).isEqualTo("HALTED");
        });
        assertThat(controls.observe(valued("9000", "9000", "10000"), NOON.plus(Duration.ofDays(2))))
                .isEmpty();
        assertThat(controls.entryBlocks()).extracting(r -> r.code()).containsExactly("DRAWDOWN_HALTED");
        assertThat(controls.reset("operator", "new allocation", valued("9000", "9000", "10000"), NOON))
                .extracting(ControlTransition::control)
                .containsExactly(ControlTransition.DRAWDOWN_LIMIT);
        assertThat(controls.entryBlocks()).isEmpty();
    }

    @Test
    void theKillSwitchFlattensBlocksAndStaysOnUntilReleased() {
        ControlTransition on = controls.engageKillSwitch(
                        "operator", "exchange incident", valued("10000", "10000", "10000"), NOON)
                .orElseThrow();

        assertThat(on.flatten()).isTrue();
        assertThat(controls.engageKillSwitch("operator", "again", valued("10000", "10000", "10000"), NOON))
                .isEmpty();
        assertThat(controls.entryBlocks()).extracting(r -> r.code()).containsExactly("KILL_SWITCH");
        assertThat(controls.observe(valued("10000", "10000", "10000"), NOON.plus(Duration.ofDays(3))))
                .isEmpty();
        assertThat(controls.killSwitch()).isTrue();
        assertThat(controls.releaseKillSwitch("operator", "resolved", valued("10000", "10000", "10000"), NOON))
                .hasValueSatisfying(t -> assertThat(t.to()).isEqualTo("OFF"));
        assertThat(controls.entryBlocks()).isEmpty();
    }

    @Test
    void aSnapshotRestoresTheSameState() {
        controls.observe(valued("9800", "10000", "10000"), NOON);
        controls.engageKillSwitch("operator", "why", valued("9800", "10000", "10000"), NOON);

        RiskControls restored = new RiskControls(POLICY, controls.snapshot());

        assertThat(restored.snapshot()).isEqualTo(controls.snapshot());
    }

    private static Valuation valued(String equity, String dayStart, String highWaterMark) {
        BigDecimal e = new BigDecimal(equity);
        BigDecimal hwm = new BigDecimal(highWaterMark).max(e);
        BigDecimal drawdown = hwm.subtract(e).divide(hwm, 18, java.math.RoundingMode.HALF_EVEN);
        return new Valuation(
                e,
                e,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Map.of(),
                new BigDecimal(dayStart),
                e.subtract(new BigDecimal(dayStart)),
                hwm,
                drawdown,
                0);
    }
}
