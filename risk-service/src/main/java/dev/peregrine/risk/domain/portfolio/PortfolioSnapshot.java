package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything a {@link Portfolio} is, as plain values: persisted after every fact, restored at start-up. */
public record PortfolioSnapshot(
        String quoteAsset,
        Map<String, BigDecimal> cash,
        List<Position> positions,
        Map<Symbol, Mark> marks,
        List<Reservation> reservations,
        Map<String, OrderProgress> progress,
        BigDecimal highWaterMark,
        BigDecimal dayStartEquity,
        LocalDate day,
        Instant marketTime,
        boolean seeded) {}
