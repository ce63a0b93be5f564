package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.domain.instrument.Instrument;
import dev.peregrine.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentSyncTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol NOPE = Symbol.of("NOPEUSDT");

    private final LiveFakes.FakeExchange exchange = new LiveFakes.FakeExchange();
    private final LiveFakes.MemoryInstrumentStore store = new LiveFakes.MemoryInstrumentStore();
    private final LiveFakes.RecordingInstrumentPublisher publisher = new LiveFakes.RecordingInstrumentPublisher();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T12:00:00Z"));
    private final InstrumentSync sync =
            new InstrumentSync(exchange, store, publisher, clock, new Fakes.SequentialIds());

    @Test
    void newInstrumentsAreStoredAndPublishedWithTheirRulesAndUnknownSymbolsAreReported() {
        exchange.instruments.put(BTC, LiveFakes.FakeExchange.instrument("BTCUSDT", "0.01000000"));
        exchange.instruments.put(ETH, LiveFakes.FakeExchange.instrument("ETHUSDT", "0.01000000"));

        InstrumentLookup lookup = sync.refresh(List.of(BTC, NOPE, ETH));

        assertThat(lookup.unknown()).containsExactly(NOPE);
        assertThat(publisher.published).extracting(InstrumentUpdated::symbol).containsExactly(BTC, ETH);
        InstrumentUpdated btc = publisher.published.getFirst();
        assertThat(btc.tickSize().text()).isEqualTo("0.01");
        assertThat(btc.stepSize().text()).isEqualTo("0.00001");
        assertThat(btc.minQuantity().text()).isEqualTo("0.00001");
        assertThat(btc.minNotional().text()).isEqualTo("5");
        assertThat(btc.maxQuantity().text()).isEqualTo("9000");
        assertThat(btc.marketMaxQuantity().text()).isEqualTo("128.52621715");
        assertThat(btc.maxNotional().text()).isEqualTo("9000000");
        assertThat(btc.status()).isEqualTo("TRADING");
        assertThat(btc.baseAsset()).isEqualTo("BTC");
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(btc.envelope().eventTime())
                .as("the exchange's time")
                .isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(btc.envelope().correlationId()).isEqualTo(btc.envelope().eventId());
        assertThat(store.rows.get(BTC).eventId()).isEqualTo(btc.envelope().eventId());
        assertThat(store.rows.get(BTC).publishedAt()).contains(clock.instant());
    }

    @Test
    void unchangedRulesArePublishedOnceAndAChangeIsPublishedUnderANewId() {
        exchange.instruments.put(BTC, LiveFakes.FakeExchange.instrument("BTCUSDT", "0.01000000"));
        sync.refresh(List.of(BTC));
        // A stored row reads back without Binance's padding: still the same rules.
        Instrument padded = store.rows.get(BTC).instrument();
        exchange.instruments.put(
                BTC,
                new Instrument(
                        BTC,
                        padded.status(),
                        padded.baseAsset(),
                        padded.quoteAsset(),
                        new BigDecimal("0.01"),
                        padded.stepSize(),
                        padded.minQuantity(),
                        padded.minNotional(),
                        new BigDecimal("9000"),
                        padded.marketMaxQuantity(),
                        new BigDecimal("9000000")));
        sync.refresh(List.of(BTC));
        assertThat(publisher.published).hasSize(1);

        exchange.instruments.put(BTC, LiveFakes.FakeExchange.instrument("BTCUSDT", "0.10000000"));
        sync.refresh(List.of(BTC));
        exchange.instruments.put(
                BTC,
                new Instrument(
                        BTC,
                        "BREAK",
                        "BTC",
                        "USDT",
                        new BigDecimal("0.1"),
                        padded.stepSize(),
                        padded.minQuantity(),
                        padded.minNotional(),
                        padded.maxQuantity(),
                        padded.marketMaxQuantity(),
                        padded.maxNotional()));
        sync.refresh(List.of(BTC));

        assertThat(publisher.published)
                .extracting(e -> e.tickSize().text() + " " + e.status())
                .containsExactly("0.01 TRADING", "0.1 TRADING", "0.1 BREAK");
        assertThat(publisher.published).extracting(e -> e.envelope().eventId()).doesNotHaveDuplicates();
    }

    @Test
    void aChangeOfAnyUpperLimitIsAChangeOfTheInstrumentAndNoLimitIsPublishedAsNull() {
        Instrument first = LiveFakes.FakeExchange.instrument("BTCUSDT", "0.01000000");
        exchange.instruments.put(BTC, first);
        sync.refresh(List.of(BTC));

        exchange.instruments.put(BTC, withLimits(first, "8000", "128.52621715", "9000000"));
        sync.refresh(List.of(BTC));
        exchange.instruments.put(BTC, withLimits(first, "8000", "100", "9000000"));
        sync.refresh(List.of(BTC));
        exchange.instruments.put(BTC, withLimits(first, "8000", "100", "1000000"));
        sync.refresh(List.of(BTC));
        // Binance's 0 means "no limit": the limit is gone, which is a change too.
        exchange.instruments.put(BTC, withLimits(first, "0.00000000", null, "1000000"));
        sync.refresh(List.of(BTC));
        // Read back from the store with other scales: no change.
        exchange.instruments.put(BTC, withLimits(first, null, "0", "1000000.00"));
        sync.refresh(List.of(BTC));

        assertThat(publisher.published)
                .extracting(e -> e.maxQuantity() + " " + e.marketMaxQuantity() + " " + e.maxNotional())
                .containsExactly(
                        "9000 128.52621715 9000000",
                        "8000 128.52621715 9000000",
                        "8000 100 9000000",
                        "8000 100 1000000",
                        "null null 1000000");
        assertThat(publisher.published).extracting(e -> e.envelope().eventId()).doesNotHaveDuplicates();
    }

    private static Instrument withLimits(
            Instrument instrument, String maxQty, String marketMaxQty, String maxNotional) {
        return new Instrument(
                instrument.symbol(),
                instrument.status(),
                instrument.baseAsset(),
                instrument.quoteAsset(),
                instrument.tickSize(),
                instrument.stepSize(),
                instrument.minQuantity(),
                instrument.minNotional(),
                decimal(maxQty),
                decimal(marketMaxQty),
                decimal(maxNotional));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    @Test
    void rulesStoredButNotAcknowledgedArePublishedAgainUnderTheSameId() {
        exchange.instruments.put(BTC, LiveFakes.FakeExchange.instrument("BTCUSDT", "0.01000000"));
        publisher.fail = true;
        assertThatThrownBy(() -> sync.refresh(List.of(BTC))).hasMessageContaining("broker away");
        assertThat(store.rows.get(BTC).publishedAt()).isEmpty();

        publisher.fail = false;
        sync.refresh(List.of(BTC));

        assertThat(publisher.published)
                .singleElement()
                .satisfies(e -> assertThat(e.envelope().eventId())
                        .isEqualTo(store.rows.get(BTC).eventId()));
        assertThat(store.rows.get(BTC).publishedAt()).isPresent();
    }
}
