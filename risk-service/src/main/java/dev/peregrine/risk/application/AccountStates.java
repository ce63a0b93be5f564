package dev.peregrine.risk.application;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import dev.peregrine.risk.domain.portfolio.Reservation;
import dev.peregrine.risk.domain.portfolio.Valuation;
import dev.peregrine.risk.domain.sizing.AccountState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Gathers what an entry's limits are checked against from the book: values held plus what entries in flight
 * have reserved (an order sent counts against the limits before it fills).
 */
final class AccountStates {

    private final InstrumentBook instruments;
    private final CorrelationGroupSource groups;

    AccountStates(InstrumentBook instruments, CorrelationGroupSource groups) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    AccountState of(Book book, PositionKey key, Instant at) {
        Portfolio portfolio = book.portfolio();
        Valuation valuation = portfolio.valuation();
        Symbol symbol = key.symbol();
        String group = groups.groupOf(symbol);
        Predicate<Symbol> inGroup = s -> groups.groupOf(s).equals(group);

        BigDecimal positionValue = portfolio
                .position(key)
                .map(p -> p.marketValue(portfolio.markOf(symbol)))
                .orElse(BigDecimal.ZERO)
                .add(reservedEntries(portfolio, r -> r.key().equals(key)));
        BigDecimal symbolValue = valuation
                .exposureBySymbol()
                .getOrDefault(symbol, BigDecimal.ZERO)
                .add(reservedEntries(portfolio, r -> r.key().symbol().equals(symbol)));
        BigDecimal groupValue = valuation.exposureBySymbol().entrySet().stream()
                .filter(e -> inGroup.test(e.getKey()))
                .map(java.util.Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(reservedEntries(portfolio, r -> inGroup.test(r.key().symbol())));
        BigDecimal grossValue = valuation.grossExposure().add(valuation.reserved());

        Set<PositionKey> busy = new HashSet<>();
        portfolio.openPositions().forEach(p -> busy.add(p.key()));
        portfolio.reservations().stream()
                .filter(r -> r.purpose() == OrderPurpose.ENTRY)
                .forEach(r -> busy.add(r.key()));

        boolean positionOpen = portfolio.position(key).isPresent() || portfolio.entryPending(key);
        return new AccountState(
                valuation.equity(),
                valuation.availableCash(),
                positionValue,
                symbolValue,
                group,
                groupValue,
                grossValue,
                busy.size(),
                book.ordersInLastMinute(at),
                positionOpen,
                book.controls().entryBlocks(),
                book.controls().sizeFactor(),
                instruments.filtersFor(symbol).orElse(null),
                portfolio.quoteAsset(),
                book.controls().capitalRamp());
    }

    private static BigDecimal reservedEntries(Portfolio portfolio, Predicate<Reservation> which) {
        return portfolio.reservations().stream()
                .filter(r -> r.purpose() == OrderPurpose.ENTRY)
                .filter(which)
                .map(Reservation::quoteAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
