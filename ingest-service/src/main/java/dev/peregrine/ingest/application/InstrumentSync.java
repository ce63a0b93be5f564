package dev.peregrine.ingest.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.InstrumentPublisher;
import dev.peregrine.ingest.application.port.out.InstrumentSource;
import dev.peregrine.ingest.application.port.out.InstrumentStore;
import dev.peregrine.ingest.application.port.out.StoredInstrument;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the symbols' trading rules from an {@link InstrumentSource} (Binance's exchangeInfo for the live feed, an
 * exchangeInfo snapshot for replays), stores them ({@code ingest.instruments}) and publishes
 * {@code InstrumentUpdated} on {@code market.instruments.v1} for each symbol that is new or whose rules changed (any
 * filter value, the three upper limits included). Stored first, published, then marked published: rules stored but
 * not acknowledged (the broker was away) are published again at the next refresh under the same event id. Blocking;
 * runs on the caller's thread (the live feed's REST thread, a replay's thread).
 */
public final class InstrumentSync {

    private static final Logger log = LoggerFactory.getLogger(InstrumentSync.class);

    private final InstrumentSource source;
    private final InstrumentStore store;
    private final InstrumentPublisher publisher;
    private final Clock clock;
    private final IdGenerator ids;

    public InstrumentSync(
            InstrumentSource source,
            InstrumentStore store,
            InstrumentPublisher publisher,
            Clock clock,
            IdGenerator ids) {
        this.source = Objects.requireNonNull(source, "source");
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * @return what the exchange said, including the symbols it does not list
     * @throws dev.peregrine.ingest.application.port.out.ExchangeUnavailableException when it could not be asked
     */
    public InstrumentLookup refresh(List<Symbol> symbols) {
        InstrumentLookup lookup = source.lookup(symbols);
        List<InstrumentUpdated> events = new ArrayList<>();
        for (Instrument instrument : lookup.found()) {
            Optional<StoredInstrument> stored = store.find(instrument.symbol());
            UUID eventId;
            if (stored.isPresent() && stored.get().instrument().sameAs(instrument)) {
                if (stored.get().publishedAt().isPresent()) {
                    continue;
                }
                eventId = stored.get().eventId();
            } else {
                eventId = ids.next();
                store.save(instrument, eventId, clock.instant());
                log.info(
                        "Instrument {} {}: status {}, tick {}, step {}, min qty {}, min notional {}, max qty {}, "
                                + "market max qty {}, max notional {}",
                        instrument.symbol(),
                        stored.isPresent() ? "changed" : "is new",
                        instrument.status(),
                        plain(instrument.tickSize()),
                        plain(instrument.stepSize()),
                        plain(instrument.minQuantity()),
                        plain(instrument.minNotional()),
                        plain(instrument.maxQuantity()),
                        plain(instrument.marketMaxQuantity()),
                        plain(instrument.maxNotional()));
            }
            events.add(event(instrument, eventId, lookup.serverTime()));
        }
        if (!events.isEmpty()) {
            publisher.publishInstruments(events);
            store.markPublished(events.stream().map(e -> e.envelope().eventId()).toList(), clock.instant());
        }
        return lookup;
    }

    private InstrumentUpdated event(Instrument instrument, UUID eventId, Instant serverTime) {
        return new InstrumentUpdated(
                Envelope.root(eventId, serverTime, clock.instant()),
                instrument.symbol(),
                instrument.status(),
                instrument.baseAsset(),
                instrument.quoteAsset(),
                Price.of(normalized(instrument.tickSize())),
                Price.of(normalized(instrument.stepSize())),
                Quantity.of(normalized(instrument.minQuantity())),
                Quantity.of(normalized(instrument.minNotional())),
                limit(instrument.maxQuantity()),
                limit(instrument.marketMaxQuantity()),
                limit(instrument.maxNotional()));
    }

    /** An upper limit as published: null for none. */
    private static Quantity limit(BigDecimal value) {
        return value == null ? null : Quantity.of(normalized(value));
    }

    /** {@code 0.01000000} as {@code 0.01}, {@code 10.00} as {@code 10}: the value, not Binance's padding. */
    static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : normalized(value).toPlainString();
    }
}
