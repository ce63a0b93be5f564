package dev.peregrine.monitor.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.monitor.TestEvents;
import dev.peregrine.monitor.domain.RecordedSignal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryTradeFlowsServiceTest {

    private static final Instant CLOSE = Instant.parse("2025-03-01T10:15:00Z");

    private final InMemoryTradeFlowStore store = new InMemoryTradeFlowStore();
    private final QueryTradeFlowsService queries = new QueryTradeFlowsService(store, 2);

    @Test
    void aRecordedChainIsFoundByItsCorrelationId() {
        SignalValidated signal = new TestEvents("BTCUSDT", CLOSE).signal(UUID.randomUUID());
        store.saveSignal(RecordedSignal.from(signal, CLOSE));

        assertThat(queries.tradeFlow(signal.envelope().correlationId()))
                .hasValueSatisfying(flow -> assertThat(flow.signals()).hasSize(1));
    }

    @Test
    void anUnknownCorrelationIdFindsNothing() {
        assertThat(queries.tradeFlow(UUID.randomUUID())).isEmpty();
    }

    @Test
    void recentSignalsAreNewestFirstAndDefaultToTheConfiguredMaximum() {
        for (int minutes = 0; minutes < 3; minutes++) {
            Instant close = CLOSE.plusSeconds(900L * minutes);
            store.saveSignal(RecordedSignal.from(new TestEvents("BTCUSDT", close).signal(UUID.randomUUID()), close));
        }

        assertThat(queries.recentSignals(Optional.empty(), OptionalInt.empty()))
                .extracting(RecordedSignal::eventTime)
                .containsExactly(CLOSE.plusSeconds(1800), CLOSE.plusSeconds(900));
        assertThat(queries.recentSignals(Optional.of(TestEvents.STRATEGY), OptionalInt.of(1)))
                .hasSize(1);
        assertThat(queries.recentSignals(Optional.of("other-strategy"), OptionalInt.of(1)))
                .isEmpty();
    }

    @Test
    void aBlankStrategyMeansAllStrategies() {
        store.saveSignal(RecordedSignal.from(new TestEvents("BTCUSDT", CLOSE).signal(UUID.randomUUID()), CLOSE));

        assertThat(queries.recentSignals(Optional.of(" "), OptionalInt.empty())).hasSize(1);
    }

    @Test
    void aLimitOutsideOneAndTheMaximumIsRefused() {
        assertThatThrownBy(() -> queries.recentSignals(Optional.empty(), OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 2: 0");
        assertThatThrownBy(() -> queries.recentSignals(Optional.empty(), OptionalInt.of(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 2: 3");
    }
}
