package dev.peregrine.risk.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.domain.correlation.CorrelationGroup;
import dev.peregrine.risk.domain.correlation.CorrelationGrouper;
import dev.peregrine.risk.domain.correlation.CorrelationGroups;
import dev.peregrine.risk.domain.correlation.CorrelationGroupsPolicy;
import dev.peregrine.risk.domain.correlation.DailyCloses;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Groups recomputed once a UTC day (market time) from the daily closes of the candles risk sees; configured groups
 * always win. Until a day's worth of returns exists every unconfigured symbol is a group of its own. The closes are
 * stored with the book (see {@link Book}); at most {@code maxSymbols} symbols' closes are kept, beyond it those
 * whose latest close is oldest are dropped (never a held symbol's). A restore keeps what was stored; the next
 * candle applies the bound.
 */
public final class RollingCorrelationGroups implements CorrelationGroupSource {

    /** {@code peregrine.risk.state.max-correlation-symbols}'s default. */
    public static final int DEFAULT_MAX_SYMBOLS = 1000;

    private final CorrelationGroupsPolicy policy;
    private final int maxSymbols;
    private DailyCloses closes;
    private volatile CorrelationGroups current;

    public RollingCorrelationGroups(CorrelationGroupsPolicy policy) {
        this(policy, DEFAULT_MAX_SYMBOLS);
    }

    public RollingCorrelationGroups(CorrelationGroupsPolicy policy, int maxSymbols) {
        if (maxSymbols < 2) {
            throw new IllegalArgumentException("maxSymbols must be at least 2, a pair to correlate: " + maxSymbols);
        }
        this.policy = Objects.requireNonNull(policy, "policy");
        this.maxSymbols = maxSymbols;
        this.closes = DailyCloses.forPolicy(policy);
        this.current = CorrelationGrouper.compute(Map.of(), LocalDate.EPOCH, policy);
    }

    @Override
    public String groupOf(Symbol symbol) {
        return current.groupOf(symbol).name();
    }

    @Override
    public synchronized List<Symbol> observe(Symbol symbol, Instant closeTime, BigDecimal close, Set<Symbol> held) {
        closes.record(symbol, closeTime, close);
        List<Symbol> dropped = closes.dropBeyond(maxSymbols, held);
        LocalDate today = LocalDate.ofInstant(closeTime, ZoneOffset.UTC);
        if (today.isAfter(current.computedFor())) {
            current = CorrelationGrouper.compute(closes.snapshot(), today, policy);
        }
        return dropped;
    }

    @Override
    public synchronized SortedMap<Symbol, SortedMap<LocalDate, Double>> closes() {
        return closes.snapshot();
    }

    @Override
    public synchronized void restore(Map<Symbol, ? extends SortedMap<LocalDate, Double>> stored) {
        closes = DailyCloses.forPolicy(policy);
        stored.forEach((symbol, days) -> days.forEach((day, close) -> closes.record(
                symbol, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1), close)));
        current =
                CorrelationGrouper.compute(closes.snapshot(), closes.latestDay().orElse(LocalDate.EPOCH), policy);
    }

    @Override
    public Map<String, Set<Symbol>> groups() {
        Map<String, Set<Symbol>> groups = new TreeMap<>();
        for (CorrelationGroup group : current.groups()) {
            groups.put(group.name(), Set.copyOf(group.members()));
        }
        return groups;
    }
}
