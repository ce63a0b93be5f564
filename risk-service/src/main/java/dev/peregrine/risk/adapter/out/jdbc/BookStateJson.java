package dev.peregrine.risk.adapter.out.jdbc;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.domain.control.ControlsSnapshot;
import dev.peregrine.risk.domain.portfolio.Mark;
import dev.peregrine.risk.domain.portfolio.OrderProgress;
import dev.peregrine.risk.domain.portfolio.PortfolioSnapshot;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.Reservation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The book's state as JSON for {@code risk.book_state}: the domain snapshot with its symbol-keyed maps turned into
 * string keys. Decimals stay exact (written as JSON numbers with all their digits, read back as BigDecimal).
 */
final class BookStateJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Stored(
            PortfolioPart portfolio, ControlsSnapshot controls, Map<String, Map<LocalDate, Double>> dailyCloses) {}

    record PortfolioPart(
            String quoteAsset,
            Map<String, BigDecimal> cash,
            List<Position> positions,
            Map<String, Mark> marks,
            List<Reservation> reservations,
            Map<String, OrderProgress> progress,
            BigDecimal highWaterMark,
            BigDecimal dayStartEquity,
            LocalDate day,
            Instant marketTime,
            boolean seeded) {}

    String write(BookState state) {
        PortfolioSnapshot p = state.portfolio();
        Map<String, Mark> marks = new TreeMap<>();
        p.marks().forEach((symbol, mark) -> marks.put(symbol.value(), mark));
        Map<String, Map<LocalDate, Double>> closes = new TreeMap<>();
        state.dailyCloses().forEach((symbol, days) -> closes.put(symbol.value(), days));
        return mapper.writeValueAsString(new Stored(
                new PortfolioPart(
                        p.quoteAsset(),
                        p.cash(),
                        p.positions(),
                        marks,
                        p.reservations(),
                        p.progress(),
                        p.highWaterMark(),
                        p.dayStartEquity(),
                        p.day(),
                        p.marketTime(),
                        p.seeded()),
                state.controls(),
                closes));
    }

    BookState read(String json) {
        Stored stored = mapper.readValue(json, Stored.class);
        PortfolioPart p = stored.portfolio();
        Map<Symbol, Mark> marks = new TreeMap<>();
        p.marks().forEach((symbol, mark) -> marks.put(Symbol.of(symbol), mark));
        return new BookState(
                new PortfolioSnapshot(
                        p.quoteAsset(),
                        new TreeMap<>(p.cash()),
                        p.positions(),
                        marks,
                        p.reservations(),
                        new TreeMap<>(p.progress()),
                        p.highWaterMark(),
                        p.dayStartEquity(),
                        p.day(),
                        p.marketTime(),
                        p.seeded()),
                stored.controls(),
                closesOf(stored.dailyCloses()));
    }

    private static SortedMap<Symbol, SortedMap<LocalDate, Double>> closesOf(
            Map<String, Map<LocalDate, Double>> stored) {
        SortedMap<Symbol, SortedMap<LocalDate, Double>> closes = new TreeMap<>();
        if (stored != null) {
            stored.forEach((symbol, days) -> closes.put(Symbol.of(symbol), new TreeMap<>(days)));
        }
        return closes;
    }
}
