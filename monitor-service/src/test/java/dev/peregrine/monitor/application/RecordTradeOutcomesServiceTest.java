package dev.peregrine.monitor.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.in.Recording;
import dev.peregrine.monitor.application.port.out.TradeOutcomeStore;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordTradeOutcomesServiceTest {

    private static final Symbol SYMBOL = Symbol.of("ETHUSDT");
    private static final Instant OPENED = Instant.parse("2024-03-01T10:00:00Z");
    private static final UUID POSITION = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID SIGNAL = UUID.fromString("00000000-0000-0000-0000-0000000000bb");

    private final InMemoryTrades store = new InMemoryTrades();
    private final CountingOutcomeMetrics metrics = new CountingOutcomeMetrics();
    private final RecordTradeOutcomesService trades = new RecordTradeOutcomesService(
            store, metrics, Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aClosedPositionIsRecordedOnceAndJoinedToTheSignalOfItsEntryOrder() {
        store.signals.put("entry-1", SIGNAL);

        assertThat(trades.positionChanged(open("entry-1"))).isEqualTo(Recording.DUPLICATE);
        assertThat(trades.positionChanged(open("entry-1b"))).isEqualTo(Recording.DUPLICATE);
        assertThat(trades.positionChanged(closed("exit-1", "-3.5", "TAKE_PROFIT")))
                .isEqualTo(Recording.NEW);
        assertThat(trades.positionChanged(closed("exit-1", "-3.5", "TAKE_PROFIT")))
                .isEqualTo(Recording.DUPLICATE);

        TradeOutcome trade = store.trades.get(POSITION);
        assertThat(trade.entryClientOrderId()).contains("entry-1");
        assertThat(trade.exitClientOrderId()).isEqualTo("exit-1");
        assertThat(trade.signalId()).contains(SIGNAL);
        assertThat(trade.holdingTime()).isEqualTo(Duration.ofHours(5));
        assertThat(trade.realisedPnl()).isEqualTo(Money.of("-3.5", "USDT"));
        assertThat(trade.fees()).isEqualTo(Money.of("0.4", "USDT"));
        assertThat(trade.closeReason()).isEqualTo("TAKE_PROFIT");
        assertThat(trade.win()).isFalse();
        assertThat(metrics.trades).hasSize(1);
    }

    @Test
    void aPositionSeenOnlyClosedIsRecordedByStrategyAndSymbolWithoutASignal() {
        trades.positionChanged(closed("exit-2", "12", null));

        TradeOutcome trade = store.trades.get(POSITION);
        assertThat(trade.entryClientOrderId()).isEmpty();
        assertThat(trade.signalId()).isEmpty();
        assertThat(trade.strategyId()).isEqualTo("ema-cross");
        assertThat(trade.closeReason()).isEqualTo("UNKNOWN");
        assertThat(trade.win()).isTrue();
    }

    private static PositionChanged open(String cause) {
        return new PositionChanged(
                Envelope.root(UUID.randomUUID(), OPENED, OPENED),
                POSITION,
                "ema-cross",
                SYMBOL,
                PositionChanged.PositionStatus.OPEN,
                Quantity.of("1"),
                Price.of("3000"),
                Money.of("-0.2", "USDT"),
                Money.of("0.2", "USDT"),
                OPENED,
                null,
                cause,
                null);
    }

    private static PositionChanged closed(String cause, String pnl, String reason) {
        Instant closed = OPENED.plus(Duration.ofHours(5));
        return new PositionChanged(
                Envelope.root(UUID.randomUUID(), closed, closed),
                POSITION,
                "ema-cross",
                SYMBOL,
                PositionChanged.PositionStatus.CLOSED,
                Quantity.of("0"),
                Price.of("3000"),
                Money.of(pnl, "USDT"),
                Money.of("0.4", "USDT"),
                OPENED,
                closed,
                cause,
                reason);
    }

    private static final class InMemoryTrades implements TradeOutcomeStore {

        final Map<UUID, String> entries = new HashMap<>();
        final Map<String, UUID> signals = new HashMap<>();
        final Map<UUID, TradeOutcome> trades = new LinkedHashMap<>();

        @Override
        public boolean savePositionEntry(
                UUID positionId, String strategyId, Symbol symbol, String entryClientOrderId, Instant openedAt) {
            return entries.putIfAbsent(positionId, entryClientOrderId) == null;
        }

        @Override
        public Optional<String> entryClientOrderId(UUID positionId) {
            return Optional.ofNullable(entries.get(positionId));
        }

        @Override
        public Optional<UUID> signalOfOrder(String clientOrderId) {
            return Optional.ofNullable(signals.get(clientOrderId));
        }

        @Override
        public boolean saveTradeOutcome(TradeOutcome trade) {
            return trades.putIfAbsent(trade.positionId(), trade) == null;
        }
    }
}
