package dev.peregrine.risk.adapter.out.jdbc;

import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.domain.portfolio.Money18;
import dev.peregrine.risk.domain.portfolio.PortfolioSnapshot;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The book state and the equity point the ledger last committed, so that a commit which left them as they were
 * (most decisions on signals: a denial changes neither) skips their writes: the book as JSON was a fifth of
 * risk-service's CPU, and each upsert a round trip on the signal's path. Crash-safety is unchanged: a row is skipped
 * only when it holds exactly what would be written, and what is remembered is promoted only after its transaction
 * committed. Used under the book's lock (the ledger's commits are), so one writer at a time.
 */
final class UnchangedRows {

    /** An {@code risk.equity_curve} row's values, as they are written. */
    record EquityPoint(
            Instant hour,
            BigDecimal equity,
            BigDecimal cash,
            BigDecimal reserved,
            BigDecimal gross,
            BigDecimal dailyPnl,
            BigDecimal drawdown,
            int openPositions) {

        static EquityPoint of(Valuation valuation, Instant marketTime) {
            return new EquityPoint(
                    marketTime.truncatedTo(ChronoUnit.HOURS),
                    Money18.shown(valuation.equity()),
                    Money18.shown(valuation.cash()),
                    Money18.shown(valuation.reserved()),
                    Money18.shown(valuation.grossExposure()),
                    Money18.shown(valuation.dailyPnl()),
                    Money18.shown(valuation.drawdown()),
                    valuation.openPositions());
        }
    }

    private BookState committedState;
    private EquityPoint committedPoint;

    /**
     * The state as an immutable value: the snapshot's collections copied (their elements are records of immutable
     * values; {@link BookState} copies the daily closes itself), so that the remembered state cannot change with
     * the live book behind the ledger's back.
     */
    static BookState frozen(BookState state) {
        PortfolioSnapshot p = state.portfolio();
        return new BookState(
                new PortfolioSnapshot(
                        p.quoteAsset(),
                        sorted(p.cash()),
                        List.copyOf(p.positions()),
                        sorted(p.marks()),
                        List.copyOf(p.reservations()),
                        sorted(p.progress()),
                        p.highWaterMark(),
                        p.dayStartEquity(),
                        p.day(),
                        p.marketTime(),
                        p.seeded()),
                state.controls(),
                state.dailyCloses());
    }

    /** A copy in key order: the JSON written from it lists the keys as before. */
    private static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    boolean stateUnchanged(BookState frozen) {
        return frozen.equals(committedState);
    }

    boolean pointUnchanged(EquityPoint point) {
        return point.equals(committedPoint);
    }

    /** Call once the transaction that wrote (or kept) them committed. */
    void committed(BookState frozen, EquityPoint point) {
        committedState = frozen;
        committedPoint = point;
    }
}
