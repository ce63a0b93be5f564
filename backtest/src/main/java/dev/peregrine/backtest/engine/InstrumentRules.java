package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.out.binance.ExchangeInfoSnapshot;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The trading rules a replay gives risk-service: ingest reads the symbols' instruments from its exchangeInfo snapshot
 * ({@link ExchangeInfoSnapshot}, the same reader) and publishes one {@code InstrumentUpdated} each before the first
 * candle, with its values normalised ({@code 0.01000000} as {@code 0.01}) as {@code InstrumentSync} publishes them.
 * A symbol the snapshot does not list gets no rules (none is invented), as in a replay.
 */
public final class InstrumentRules {

    private InstrumentRules() {}

    /** The instrument events of {@code symbols} from the snapshot at {@code location}, in the snapshot's order. */
    public static List<InstrumentUpdated> of(String location, List<Symbol> symbols) {
        ExchangeInfoSnapshot snapshot = new ExchangeInfoSnapshot(
                location,
                "the backtest configuration's " + "instrumentsSnapshot",
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        InstrumentLookup lookup = snapshot.lookup(symbols);
        return lookup.found().stream()
                .map(instrument -> event(instrument, lookup.serverTime()))
                .toList();
    }

    private static InstrumentUpdated event(Instrument instrument, Instant serverTime) {
        Envelope envelope = Envelope.root(
                DerivedIds.from("backtest-instrument", instrument.symbol(), serverTime), serverTime, serverTime);
        return new InstrumentUpdated(
                envelope,
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

    private static Quantity limit(BigDecimal value) {
        return value == null ? null : Quantity.of(normalized(value));
    }

    /** As ingest's {@code InstrumentSync.normalized} (package-private there). */
    private static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
