package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The account as risk knows it: cash per asset, each strategy's long position per symbol, the marks they are
 * valued at, and the reservations of orders in flight. It changes only on facts (trades, order ends, closed
 * candles) and on the reservations of the intents risk sends, never on a decision alone, so applying the same
 * facts in the same order always gives the same portfolio.
 *
 * <p>One quote asset (e.g. USDT): symbols are {@code <base><quote>}. Base assets live in the positions, the quote
 * asset and any third asset a fee was charged in (e.g. BNB) live in {@code cash}. Not thread-safe: the
 * application serialises access.
 */
public final class Portfolio {

    private final String quoteAsset;
    private final Map<String, BigDecimal> cash = new TreeMap<>();
    private final Map<PositionKey, Position> positions = new TreeMap<>();
    private final Marks marks = new Marks();
    private final OrdersInFlight orders = new OrdersInFlight();
    private BigDecimal highWaterMark;
    private BigDecimal dayStartEquity;
    private LocalDate day;
    private Instant marketTime;
    private boolean seeded;

    private Portfolio(String quoteAsset) {
        this.quoteAsset = Objects.requireNonNull(quoteAsset, "quoteAsset");
    }

    /** A paper account holding {@code balance} of the quote asset. */
    public static Portfolio withCash(String quoteAsset, BigDecimal balance) {
        Portfolio portfolio = new Portfolio(quoteAsset);
        if (balance.signum() < 0) {
            throw new IllegalArgumentException("a starting balance is not negative: " + balance.toPlainString());
        }
        portfolio.cash.put(quoteAsset, balance);
        portfolio.highWaterMark = balance;
        portfolio.dayStartEquity = balance;
        portfolio.seeded = true;
        return portfolio;
    }

    /** A live account whose cash the venue's first account snapshot will seed. */
    public static Portfolio awaitingSeed(String quoteAsset) {
        Portfolio portfolio = new Portfolio(quoteAsset);
        portfolio.cash.put(quoteAsset, BigDecimal.ZERO);
        portfolio.highWaterMark = BigDecimal.ZERO;
        portfolio.dayStartEquity = BigDecimal.ZERO;
        return portfolio;
    }

    public String quoteAsset() {
        return quoteAsset;
    }

    public boolean seeded() {
        return seeded;
    }

    public Optional<Instant> marketTime() {
        return Optional.ofNullable(marketTime);
    }

    public Optional<Position> position(PositionKey key) {
        return Optional.ofNullable(positions.get(key));
    }

    public Collection<Position> openPositions() {
        return List.copyOf(positions.values());
    }

    public Optional<Mark> mark(Symbol symbol) {
        return marks.get(symbol);
    }

    public Collection<Reservation> reservations() {
        return orders.reservations();
    }

    public Optional<Reservation> reservation(String clientOrderId) {
        return orders.reservation(clientOrderId);
    }

    public BigDecimal cash(String asset) {
        return cash.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** Base asset of the position not already promised to an exit in flight. */
    public BigDecimal sellable(PositionKey key) {
        BigDecimal held = position(key).map(Position::quantity).orElse(BigDecimal.ZERO);
        return held.subtract(orders.promisedToExits(key)).max(BigDecimal.ZERO);
    }

    /** Whether an entry for this strategy and symbol is in flight. */
    public boolean entryPending(PositionKey key) {
        return orders.entryPending(key);
    }

    /** The symbol's base asset, e.g. BTC for BTCUSDT. */
    public String baseAssetOf(Symbol symbol) {
        String value = symbol.value();
        if (!value.endsWith(quoteAsset) || value.length() == quoteAsset.length()) {
            throw new IllegalArgumentException(
                    "symbol " + value + " is not quoted in " + quoteAsset + ", the portfolio's quote asset");
        }
        return value.substring(0, value.length() - quoteAsset.length());
    }

    // ---- reservations ----

    /** Holds back what an order risk is about to send may spend or sell. Idempotent by clientOrderId. */
    public void reserve(Reservation reservation) {
        orders.reserve(reservation);
    }

    /** Ends the order: its reservation is released (once; later calls find none) and its progress forgotten. */
    public Optional<Reservation> release(String clientOrderId) {
        return orders.release(clientOrderId);
    }

    // ---- facts ----

    /** A trade of an order that may have more to come. */
    public TradeApplied applyTrade(Trade trade) {
        return apply(trade, orders.traded(trade));
    }

    /**
     * The order completed with these totals: applies what its earlier trades did not, then releases its
     * reservation. Empty when the earlier trades already covered everything.
     */
    public Optional<TradeApplied> completeOrder(Trade totals) {
        Optional<TradeApplied> applied = orders.rest(totals)
                .map(rest ->
                        apply(rest, orders.reservation(totals.clientOrderId()).orElse(null)));
        release(totals.clientOrderId());
        return applied;
    }

    private TradeApplied apply(Trade trade, Reservation reservation) {
        rollDay(trade.at());
        Symbol symbol = trade.key().symbol();
        String base = baseAssetOf(symbol);
        BigDecimal notional = Money18.capScale(trade.quantity().multiply(trade.price()));
        TradeFee fee = TradeFee.of(trade, base, quoteAsset, markOfAsset(trade.feeAsset()));
        if (fee.paidFromCash()) {
            cash.merge(trade.feeAsset(), trade.fee().negate(), BigDecimal::add);
        }
        marks.setIfAbsent(symbol, new Mark(trade.price(), trade.at()));
        List<String> anomalies = new ArrayList<>();
        cash.merge(quoteAsset, trade.side() == Side.BUY ? notional.negate() : notional, BigDecimal::add);
        Position before = positions.get(trade.key());
        PositionChange change = PositionChange.of(before, trade, reservation, fee, base);
        change.anomaly().ifPresent(anomalies::add);
        Position after = change.after();
        if (after != null) {
            if (after.isOpen()) {
                positions.put(trade.key(), after);
            } else {
                positions.remove(trade.key());
            }
        }
        BigDecimal quoteCash = cash(quoteAsset);
        if (quoteCash.signum() < 0) {
            anomalies.add("NEGATIVE_CASH: " + quoteAsset + " cash is " + quoteCash.toPlainString() + " after "
                    + trade.clientOrderId());
        }
        advance(trade.at());
        return new TradeApplied(trade, before, after, List.copyOf(anomalies));
    }

    private Optional<BigDecimal> markOfAsset(String asset) {
        return Marks.pairOf(asset, quoteAsset).flatMap(marks::get).map(Mark::price);
    }

    /** A closed candle: the symbol is valued at its close from now on. */
    public void mark(Symbol symbol, BigDecimal close, Instant closeTime) {
        rollDay(closeTime);
        marks.update(symbol, new Mark(close, closeTime));
        advance(closeTime);
    }

    /**
     * Drops the marks {@code bounds} make idle or surplus at market time, never one valuation or fee conversion needs
     * (a symbol held or with an order in flight, the quote pair of a cash asset: BNBUSDT while BNB pays fees).
     */
    public List<DroppedMark> dropMarks(MarkBounds bounds) {
        Set<Symbol> inUse = new TreeSet<>(heldSymbols());
        cash.keySet().forEach(asset -> Marks.pairOf(asset, quoteAsset).ifPresent(inUse::add));
        return marketTime == null ? List.of() : marks.drop(bounds, inUse, marketTime);
    }

    /** Symbols with a position or an order in flight (a reservation). */
    public SortedSet<Symbol> heldSymbols() {
        SortedSet<Symbol> held = new TreeSet<>();
        positions.keySet().forEach(key -> held.add(key.symbol()));
        orders.reservations().forEach(r -> held.add(r.key().symbol()));
        return held;
    }

    /** Updates the protective stop and take-profit a position was entered with. */
    public void protect(PositionKey key, BigDecimal stopLoss, BigDecimal takeProfit) {
        Position position = positions.get(key);
        if (position != null) {
            positions.put(key, position.withProtection(stopLoss, takeProfit));
        }
    }

    /** Seeds cash from the venue's account snapshot (live venues, once). */
    public void seed(Map<String, BigDecimal> balances, Instant at) {
        cash.clear();
        balances.forEach((asset, amount) -> {
            if (asset.equals(quoteAsset) || !isBaseOfAPosition(asset)) {
                cash.put(asset, amount);
            }
        });
        cash.putIfAbsent(quoteAsset, BigDecimal.ZERO);
        seeded = true;
        BigDecimal equity = valuation().equity();
        highWaterMark = equity;
        dayStartEquity = equity;
        advance(at);
    }

    private boolean isBaseOfAPosition(String asset) {
        return positions.keySet().stream()
                .anyMatch(key -> baseAssetOf(key.symbol()).equals(asset));
    }

    /** Differences between the venue's balances and the book (asset → book minus venue), exact; none when equal. */
    public Map<String, BigDecimal> differencesFrom(Map<String, BigDecimal> venueBalances) {
        Map<String, BigDecimal> book = new TreeMap<>(cash);
        for (Position position : positions.values()) {
            book.merge(baseAssetOf(position.key().symbol()), position.quantity(), BigDecimal::add);
        }
        return BalanceDifferences.between(book, venueBalances);
    }

    // ---- valuation ----

    public Valuation valuation() {
        BigDecimal quoteCash = cash(quoteAsset);
        BigDecimal others = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : cash.entrySet()) {
            if (!entry.getKey().equals(quoteAsset)) {
                BigDecimal amount = entry.getValue();
                others = others.add(markOfAsset(entry.getKey())
                        .map(m -> Money18.capScale(amount.multiply(m)))
                        .orElse(BigDecimal.ZERO));
            }
        }
        Map<Symbol, BigDecimal> bySymbol = new TreeMap<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (Position position : positions.values()) {
            BigDecimal value = position.marketValue(markOf(position.key().symbol()));
            bySymbol.merge(position.key().symbol(), value, BigDecimal::add);
            gross = gross.add(value);
        }
        BigDecimal reserved = orders.quoteReserved();
        BigDecimal equity = quoteCash.add(others).add(gross);
        BigDecimal hwm = highWaterMark.max(equity);
        BigDecimal drawdown = hwm.signum() <= 0 ? BigDecimal.ZERO : Money18.divide(hwm.subtract(equity), hwm);
        return new Valuation(
                equity,
                quoteCash,
                reserved,
                gross,
                bySymbol,
                dayStartEquity,
                equity.subtract(dayStartEquity),
                hwm,
                drawdown,
                positions.size());
    }

    /** The symbol's mark; a position always has one, since its first fill sets it. */
    public BigDecimal markOf(Symbol symbol) {
        return marks.get(symbol)
                .map(Mark::price)
                .orElseThrow(() -> new IllegalStateException("no mark for " + symbol.value()));
    }

    private void rollDay(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (day == null) {
            day = today;
        } else if (today.isAfter(day)) {
            // Equity at 00:00 UTC: what the account was worth on the last marks before the first fact of the day.
            dayStartEquity = valuation().equity();
            day = today;
        }
    }

    private void advance(Instant at) {
        if (marketTime == null || at.isAfter(marketTime)) {
            marketTime = at;
        }
        highWaterMark = highWaterMark.max(valuation().equity());
    }

    /** Resets the high-water mark to equity now (an operator's drawdown reset). */
    public void rebaseHighWaterMark() {
        highWaterMark = valuation().equity();
    }

    public Optional<LocalDate> day() {
        return Optional.ofNullable(day);
    }

    // ---- snapshot ----

    public PortfolioSnapshot snapshot() {
        return new PortfolioSnapshot(
                quoteAsset,
                new TreeMap<>(cash),
                List.copyOf(positions.values()),
                marks.copy(),
                orders.reservations(),
                orders.progress(),
                highWaterMark,
                dayStartEquity,
                day,
                marketTime,
                seeded);
    }

    public static Portfolio restore(PortfolioSnapshot snapshot) {
        Portfolio portfolio = new Portfolio(snapshot.quoteAsset());
        portfolio.cash.putAll(snapshot.cash());
        snapshot.positions().forEach(p -> portfolio.positions.put(p.key(), p));
        portfolio.marks.putAll(snapshot.marks());
        portfolio.orders.restore(snapshot.reservations(), snapshot.progress());
        portfolio.highWaterMark = snapshot.highWaterMark();
        portfolio.dayStartEquity = snapshot.dayStartEquity();
        portfolio.day = snapshot.day();
        portfolio.marketTime = snapshot.marketTime();
        portfolio.seeded = snapshot.seeded();
        return portfolio;
    }
}
