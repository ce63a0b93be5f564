package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.InstrumentSnapshot;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayRun;
import dev.peregrine.ingest.domain.ReplayTrigger;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.instrument.Instrument;
import dev.peregrine.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotInstrumentsTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol DOGE = Symbol.of("DOGEUSDT");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final MemorySnapshot snapshot = new MemorySnapshot();
    private final LiveFakes.MemoryInstrumentStore store = new LiveFakes.MemoryInstrumentStore();
    private final LiveFakes.RecordingInstrumentPublisher publisher = new LiveFakes.RecordingInstrumentPublisher();
    private final Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();
    private final MutableClock clock = new MutableClock(NOW);
    private final SnapshotInstruments instruments = new SnapshotInstruments(
            snapshot, new InstrumentSync(snapshot, store, publisher, clock, new Fakes.SequentialIds()), metrics);

    SnapshotInstrumentsTest() {
        snapshot.instruments.put(BTC, LiveFakes.FakeExchange.instrument("BTCUSDT", "0.01000000"));
        snapshot.instruments.put(ETH, LiveFakes.FakeExchange.instrument("ETHUSDT", "0.01000000"));
    }

    private static ReplayRun klineRun(Symbol symbol) {
        return ReplayRun.started(
                UUID.randomUUID(),
                "replay:" + symbol + "-15m.csv",
                "/data/" + symbol + "-15m.csv",
                new Series(symbol, Interval.FIFTEEN_MINUTES),
                0,
                ReplayTrigger.OPERATOR,
                NOW);
    }

    @Test
    void aKlineFileRunSyncsItsSymbolStoredPublishedAndMarked() {
        instruments.beforeReplay(klineRun(BTC));

        assertThat(publisher.published).singleElement().satisfies(event -> {
            assertThat(event.symbol()).isEqualTo(BTC);
            assertThat(event.maxQuantity().text()).isEqualTo("9000");
            assertThat(event.marketMaxQuantity().text()).isEqualTo("128.52621715");
            assertThat(event.maxNotional().text()).isEqualTo("9000000");
        });
        assertThat(store.rows).containsOnlyKeys(BTC);
        assertThat(store.rows.get(BTC).publishedAt()).contains(NOW);
        assertThat(metrics.missingFromSnapshot).isEmpty();
    }

    @Test
    void theSameRulesAreNotPublishedAgainByTheNextReplay() {
        instruments.beforeReplay(klineRun(BTC));
        instruments.beforeReplay(klineRun(BTC));

        assertThat(publisher.published).hasSize(1);
    }

    @Test
    void aCaptureRunSyncsEverySymbolTheSnapshotListsSinceItsMessagesNameTheirOwn() {
        ReplayRun capture = ReplayRun.started(
                UUID.randomUUID(),
                "replay:btcusdt_20240808.log.gz",
                "/data/btcusdt_20240808.log.gz",
                ReplayFormat.WS_CAPTURE,
                Optional.empty(),
                0,
                ReplayTrigger.OPERATOR,
                NOW);

        instruments.beforeReplay(capture);

        assertThat(publisher.published).extracting(InstrumentUpdated::symbol).containsExactly(BTC, ETH);
    }

    @Test
    void aSymbolTheSnapshotDoesNotListIsCountedAndNotInvented() {
        instruments.beforeReplay(klineRun(DOGE));

        assertThat(metrics.missingFromSnapshot).containsExactly(DOGE);
        assertThat(publisher.published).isEmpty();
        assertThat(store.rows).isEmpty();
    }

    @Test
    void aSnapshotThatCannotBeReadOrRulesThatCannotBePublishedStopTheRunWithTheReason() {
        snapshot.unreadable = "the exchangeInfo snapshot 'x.json' cannot be used: it is not JSON";
        assertThatThrownBy(() -> instruments.beforeReplay(klineRun(BTC)))
                .hasMessage("the instruments could not be synced from the exchangeInfo snapshot before the replay, so "
                        + "no candle was published: the exchangeInfo snapshot 'x.json' cannot be used: it is not JSON");
        ReplayRun capture = ReplayRun.started(
                UUID.randomUUID(),
                "replay:c.log",
                "/data/c.log",
                ReplayFormat.WS_CAPTURE,
                Optional.empty(),
                0,
                ReplayTrigger.OPERATOR,
                NOW);
        assertThatThrownBy(() -> instruments.beforeReplay(capture)).hasMessageEndingWith("it is not JSON");

        snapshot.unreadable = null;
        publisher.fail = true;
        assertThatThrownBy(() -> instruments.beforeReplay(klineRun(BTC))).hasMessageEndingWith("broker away");
        assertThat(store.rows.get(BTC).publishedAt()).isEmpty();
    }

    /** A snapshot in memory; can be told to be unreadable. */
    static final class MemorySnapshot implements InstrumentSnapshot {
        final Map<Symbol, Instrument> instruments = new LinkedHashMap<>();
        String unreadable;
        final List<List<Symbol>> asked = new ArrayList<>();

        @Override
        public String location() {
            return "memory";
        }

        @Override
        public List<Symbol> symbols() {
            check();
            return List.copyOf(instruments.keySet());
        }

        @Override
        public InstrumentLookup lookup(List<Symbol> symbols) {
            check();
            asked.add(List.copyOf(symbols));
            return new InstrumentLookup(
                    symbols.stream()
                            .filter(instruments::containsKey)
                            .map(instruments::get)
                            .toList(),
                    symbols.stream().filter(s -> !instruments.containsKey(s)).toList(),
                    NOW);
        }

        private void check() {
            if (unreadable != null) {
                throw new ExchangeUnavailableException(unreadable);
            }
        }
    }
}
