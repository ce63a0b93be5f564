package dev.peregrine.signal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.ResumeStrategy;
import dev.peregrine.common.event.SetStrategyWeight;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.signal.application.port.in.ChangeOutcome;
import dev.peregrine.signal.domain.AnalystStatus;
import dev.peregrine.signal.domain.Strategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageStrategiesServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant COMMAND_TIME = NOW.minusSeconds(5);
    private static final String ID = "momentum";

    private final Fakes.Journal journal = new Fakes.Journal();
    private final Fakes.StrategyDb db = new Fakes.StrategyDb(
            journal,
            new Strategy(ID, StrategyState.ACTIVE, BigDecimal.ONE, "initial", "migration", NOW.minusSeconds(3600)));
    private final Fakes.StrategyBus bus = new Fakes.StrategyBus(journal);
    private final Fakes.Metrics metrics = new Fakes.Metrics();
    private final StrategyRegistry registry = new StrategyRegistry(db.loadAll());
    private final ManageStrategiesService service = new ManageStrategiesService(
            registry, db, bus, metrics, new Fakes.SequentialIds(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Envelope commandEnvelope(long n) {
        UUID id = new UUID(7, n);
        return Envelope.root(id, COMMAND_TIME, COMMAND_TIME);
    }

    @Test
    void anOperatorPausePersistsAuditsUpdatesTheRegistryAndAnnouncesANewChain() {
        assertThat(metrics.paused).isZero();

        ChangeOutcome outcome = service.pause(ID, "drawdown limit", "operator");

        assertThat(outcome).isInstanceOf(ChangeOutcome.Changed.class);
        StrategyStateChanged event = ((ChangeOutcome.Changed) outcome).announcement();
        assertThat(event.state()).isEqualTo(StrategyState.PAUSED);
        assertThat(event.reason()).isEqualTo("drawdown limit");
        assertThat(event.changedBy()).isEqualTo("operator");
        assertThat(event.weight()).isEqualTo(1.0);
        assertThat(event.envelope().correlationId()).isEqualTo(event.envelope().eventId());
        assertThat(event.envelope().processingTime()).isEqualTo(NOW);
        assertThat(registry.isPaused(ID)).isTrue();
        assertThat(db.strategies.get(ID).state()).isEqualTo(StrategyState.PAUSED);
        assertThat(db.audit).singleElement().satisfies(audit -> {
            assertThat(audit.change().before().state()).isEqualTo(StrategyState.ACTIVE);
            assertThat(audit.change().after().changedBy()).isEqualTo("operator");
            assertThat(audit.context().eventId()).isEqualTo(event.envelope().eventId());
            assertThat(audit.context().commandId()).isNull();
        });
        assertThat(journal.entries).containsExactly("record momentum PAUSED", "announce momentum PAUSED");
        assertThat(bus.published).containsExactly(event);
        assertThat(metrics.paused).isEqualTo(1);
    }

    @Test
    void pausingAPausedStrategyChangesNothing() {
        service.pause(ID, "first", "operator");
        ChangeOutcome again = service.pause(ID, "second", "operator");
        assertThat(again).isInstanceOf(ChangeOutcome.Unchanged.class);
        assertThat(db.audit).hasSize(1);
        assertThat(bus.published).hasSize(1);
        assertThat(registry.find(ID).orElseThrow().reason()).isEqualTo("first");
    }

    @Test
    void resumeRestoresTradingAndTheGauge() {
        service.pause(ID, "first", "operator");
        ChangeOutcome resumed = service.resume(ID, "fixed", "operator");
        assertThat(resumed).isInstanceOf(ChangeOutcome.Changed.class);
        assertThat(registry.isPaused(ID)).isFalse();
        assertThat(metrics.paused).isZero();
        assertThat(db.audit).hasSize(2);
        assertThat(db.audit.get(1).change().before().state()).isEqualTo(StrategyState.PAUSED);
    }

    @Test
    void anUnknownStrategyIsARefusalNotAChange() {
        assertThat(service.pause("nope", "why", "operator")).isEqualTo(new ChangeOutcome.UnknownStrategy("nope"));
        assertThat(service.handle(new PauseStrategy(commandEnvelope(1), "nope", "why", "monitor-service")))
                .isEqualTo(new ChangeOutcome.UnknownStrategy("nope"));
        assertThat(db.audit).isEmpty();
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aBlankReasonIsRejected() {
        assertThatThrownBy(() -> service.pause(ID, " ", "operator")).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.audit).isEmpty();
    }

    @Test
    void aCommandContinuesItsChainWithAnIdDerivedFromTheCommand() {
        Envelope cause = commandEnvelope(1);
        ChangeOutcome outcome = service.handle(new PauseStrategy(cause, ID, "loss streak", "monitor-service"));

        StrategyStateChanged event = ((ChangeOutcome.Changed) outcome).announcement();
        assertThat(event.envelope().eventId()).isEqualTo(DerivedIds.from("strategy-state-changed", cause.eventId()));
        assertThat(event.envelope().correlationId()).isEqualTo(cause.correlationId());
        assertThat(event.envelope().causationId()).isEqualTo(cause.eventId());
        assertThat(event.envelope().eventTime()).isEqualTo(COMMAND_TIME);
        assertThat(event.changedBy()).isEqualTo("monitor-service");
        assertThat(db.audit.getFirst().context().commandId()).isEqualTo(cause.eventId());
        assertThat(registry.isPaused(ID)).isTrue();
    }

    @Test
    void aRedeliveredCommandRepublishesTheIdenticalAnnouncementAndChangesNothingElse() {
        PauseStrategy pause = new PauseStrategy(commandEnvelope(1), ID, "loss streak", "monitor-service");
        StrategyStateChanged first = ((ChangeOutcome.Changed) service.handle(pause)).announcement();
        service.resume(ID, "operator overrides", "operator");

        ChangeOutcome again = service.handle(pause);

        assertThat(again).isEqualTo(new ChangeOutcome.AlreadyApplied(first));
        assertThat(bus.published).hasSize(3);
        assertThat(bus.published.getLast()).isEqualTo(first);
        assertThat(registry.isPaused(ID)).isFalse();
        assertThat(db.audit).hasSize(2);
    }

    @Test
    void weightAndResumeCommands() {
        ChangeOutcome weighted = service.handle(
                new SetStrategyWeight(commandEnvelope(1), ID, 0.25, "underperforming", "monitor-service"));
        assertThat(((ChangeOutcome.Changed) weighted).announcement().weight()).isEqualTo(0.25);
        assertThat(registry.find(ID).orElseThrow().weight()).isEqualByComparingTo("0.25");
        assertThat(registry.isPaused(ID)).isFalse();

        assertThat(service.handle(new ResumeStrategy(commandEnvelope(2), ID, "already active", "monitor-service")))
                .isInstanceOf(ChangeOutcome.Unchanged.class);
        service.handle(new PauseStrategy(commandEnvelope(3), ID, "pause", "monitor-service"));
        ChangeOutcome resumed =
                service.handle(new ResumeStrategy(commandEnvelope(4), ID, "recovered", "monitor-service"));
        assertThat(((ChangeOutcome.Changed) resumed).strategy().state()).isEqualTo(StrategyState.ACTIVE);
        assertThat(((ChangeOutcome.Changed) resumed).strategy().weight()).isEqualByComparingTo("0.25");
    }

    @Test
    void anOperatorWeightChangeIsPersistedAuditedAndAnnouncedAndKeepsTheState() {
        ChangeOutcome outcome = service.setWeight(ID, new BigDecimal("0.4"), "underperforming", "operator");

        StrategyStateChanged event = ((ChangeOutcome.Changed) outcome).announcement();
        assertThat(event.weight()).isEqualTo(0.4);
        assertThat(event.state()).isEqualTo(StrategyState.ACTIVE);
        assertThat(event.reason()).isEqualTo("underperforming");
        assertThat(event.envelope().correlationId()).isEqualTo(event.envelope().eventId());
        assertThat(registry.status(ID).runtimeWeight()).isEqualTo(0.4);
        assertThat(db.audit).singleElement().satisfies(audit -> {
            assertThat(audit.change().before().weight()).isEqualByComparingTo("1");
            assertThat(audit.change().after().weight()).isEqualByComparingTo("0.4");
            assertThat(audit.context().commandId()).isNull();
        });
        assertThat(service.setWeight(ID, new BigDecimal("0.40"), "same again", "operator"))
                .isInstanceOf(ChangeOutcome.Unchanged.class);
        assertThat(bus.published).hasSize(1);
    }

    @Test
    void aWeightOutsideZeroToOneOrWithoutAReasonIsRejectedAndAnUnknownStrategyRefused() {
        assertThatThrownBy(() -> service.setWeight(ID, new BigDecimal("1.01"), "why", "operator"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..1");
        assertThatThrownBy(() -> service.setWeight(ID, new BigDecimal("-0.1"), "why", "operator"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.setWeight(ID, null, "why", "operator"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.setWeight(ID, BigDecimal.ONE, " ", "operator"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(service.setWeight("nope", BigDecimal.ONE, "why", "operator"))
                .isEqualTo(new ChangeOutcome.UnknownStrategy("nope"));
        assertThat(db.audit).isEmpty();
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aCommandWithABlankReasonIsRefusedSoThePlatformDeadLettersIt() {
        assertThatThrownBy(() ->
                        service.handle(new SetStrategyWeight(commandEnvelope(1), ID, 0.5, " ", "monitor-service")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> service.handle(new PauseStrategy(commandEnvelope(2), ID, "why", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestedBy");
        assertThat(db.audit).isEmpty();
    }

    @Test
    void anUnregisteredStrategyCountsAsPaused() {
        assertThat(registry.isPaused("not-registered")).isTrue();
        assertThat(registry.status("not-registered")).isEqualTo(AnalystStatus.UNREGISTERED);
        assertThat(registry.isPaused(ID)).isFalse();
        assertThat(registry.status(ID)).isEqualTo(new AnalystStatus(1.0, false));
    }
}
