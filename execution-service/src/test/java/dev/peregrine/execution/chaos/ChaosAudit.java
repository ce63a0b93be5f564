package dev.peregrine.execution.chaos;

import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.SpotOrder;
import dev.peregrine.exchangesim.SpotTrade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the chaos run left behind, from Peregrine's tables ({@code execution.orders}, {@code execution.order_events})
 * and exchange-sim's books: the four counts the issue asks for, each with examples of what was counted.
 *
 * <ul>
 *   <li><b>duplicate venue orders</b>: venue orders beyond the first per client order id;</li>
 *   <li><b>intents without exactly one terminal outcome</b>: intents with no stored order, an order not FILLED,
 *       REJECTED or CANCELED, or an audit trail that does not reach a terminal state exactly once;</li>
 *   <li><b>fills missing from the audit trail</b>: orders FILLED at the venue, or stored FILLED, without a FILLED
 *       entry in {@code execution.order_events};</li>
 *   <li><b>local vs venue state differences</b>: per intent, Peregrine FILLED if and only if the venue filled an order
 *       with that id, with the same venue order id, quantity, average price and commission; and per asset, the
 *       venue's balance equal to the initial balance moved by Peregrine's fills.</li>
 * </ul>
 */
final class ChaosAudit {

    private static final Set<String> TERMINAL = Set.of("FILLED", "REJECTED", "CANCELED");
    private static final BigDecimal QUOTE_TOLERANCE = new BigDecimal("0.000001");
    private static final int EXAMPLES = 10;

    /** One intent the test published. */
    record Published(String clientOrderId, String symbol, boolean exit) {}

    /** One row of {@code execution.orders}. */
    record LocalOrder(
            String clientOrderId,
            String symbol,
            String side,
            String state,
            String venueOrderId,
            BigDecimal quantity,
            BigDecimal fillPrice,
            BigDecimal fee,
            String feeAsset,
            String rejectCode) {}

    /** The figures, with up to ten examples of each kind of problem. */
    record Figures(
            int intents,
            int duplicateVenueOrders,
            int withoutOneTerminalOutcome,
            int fillsMissingFromAudit,
            int stateDifferences,
            Map<String, Integer> outcomes,
            Map<String, List<String>> examples) {

        boolean clean() {
            return duplicateVenueOrders == 0
                    && withoutOneTerminalOutcome == 0
                    && fillsMissingFromAudit == 0
                    && stateDifferences == 0;
        }
    }

    private final Supplier<Connection> database;
    private final ExchangeSimulator exchange;
    private final Map<String, BigDecimal> initialBalances;

    ChaosAudit(Supplier<Connection> database, ExchangeSimulator exchange, Map<String, BigDecimal> initialBalances) {
        this.database = database;
        this.exchange = exchange;
        this.initialBalances = Map.copyOf(initialBalances);
    }

    /** The stored orders whose client order id starts with {@code prefix}. */
    Map<String, LocalOrder> localOrders(String prefix) {
        Map<String, LocalOrder> orders = new HashMap<>();
        try (Connection connection = database.get();
                PreparedStatement query = connection.prepareStatement("""
                select client_order_id, symbol, side, state, venue_order_id, quantity, fill_price, fee, fee_asset,
                       reject_code
                  from execution.orders where client_order_id like ?""")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LocalOrder order = new LocalOrder(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getBigDecimal(6),
                            rows.getBigDecimal(7),
                            rows.getBigDecimal(8),
                            rows.getString(9),
                            rows.getString(10));
                    orders.put(order.clientOrderId(), order);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read execution.orders", e);
        }
        return orders;
    }

    /** Every audit-trail entry's target state per client order id, in order. */
    Map<String, List<String>> auditTrails(String prefix) {
        Map<String, List<String>> trails = new HashMap<>();
        try (Connection connection = database.get();
                PreparedStatement query = connection.prepareStatement("""
                select client_order_id, to_state from execution.order_events
                 where client_order_id like ? order by client_order_id, seq""")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    trails.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read execution.order_events", e);
        }
        return trails;
    }

    /** How many of the published intents have a stored order in a terminal state. */
    int terminal(List<Published> published, String prefix) {
        Map<String, LocalOrder> local = localOrders(prefix);
        return (int) published.stream()
                .map(intent -> local.get(intent.clientOrderId()))
                .filter(order -> order != null && TERMINAL.contains(order.state()))
                .count();
    }

    Figures figures(List<Published> published, String prefix, List<String> symbols) {
        Map<String, LocalOrder> local = localOrders(prefix);
        Map<String, List<String>> trails = auditTrails(prefix);
        Map<String, List<SpotOrder>> venueById = new HashMap<>();
        Map<Long, List<SpotTrade>> tradesByOrder = new HashMap<>();
        for (String symbol : symbols) {
            exchange.orders(symbol)
                    .forEach(order -> venueById
                            .computeIfAbsent(order.clientOrderId(), id -> new ArrayList<>())
                            .add(order));
            exchange.trades(symbol)
                    .forEach(trade -> tradesByOrder
                            .computeIfAbsent(trade.orderId(), id -> new ArrayList<>())
                            .add(trade));
        }
        Map<String, List<String>> examples = new LinkedHashMap<>();

        int duplicates = 0;
        for (Map.Entry<String, List<SpotOrder>> entry : venueById.entrySet()) {
            if (entry.getValue().size() > 1) {
                duplicates += entry.getValue().size() - 1;
                example(
                        examples,
                        "duplicate venue orders",
                        entry.getKey() + ": "
                                + entry.getValue().stream()
                                        .map(order -> order.orderId() + " " + order.status())
                                        .toList());
            }
        }

        int withoutOutcome = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Published intent : published) {
            LocalOrder order = local.get(intent.clientOrderId());
            List<String> trail = trails.getOrDefault(intent.clientOrderId(), List.of());
            long terminalEntries = trail.stream().filter(TERMINAL::contains).count();
            String outcome = order == null
                    ? "NO ORDER"
                    : order.state() + (order.rejectCode() == null ? "" : " " + order.rejectCode());
            outcomes.merge((intent.exit() ? "exit " : "entry ") + outcome, 1, Integer::sum);
            if (order == null || !TERMINAL.contains(order.state()) || terminalEntries != 1) {
                withoutOutcome++;
                example(
                        examples,
                        "intents without exactly one terminal outcome",
                        intent.clientOrderId() + ": " + outcome + ", trail " + trail);
            }
        }

        int missingFills = 0;
        for (Map.Entry<String, List<SpotOrder>> entry : venueById.entrySet()) {
            boolean filledAtVenue =
                    entry.getValue().stream().anyMatch(order -> order.status() == SpotOrder.Status.FILLED);
            if (filledAtVenue && !trails.getOrDefault(entry.getKey(), List.of()).contains("FILLED")) {
                missingFills++;
                example(
                        examples,
                        "fills missing from the audit trail",
                        entry.getKey() + ": filled at the venue, trail "
                                + trails.getOrDefault(entry.getKey(), List.of()));
            }
        }
        for (LocalOrder order : local.values()) {
            if (order.state().equals("FILLED")
                    && !venueById.containsKey(order.clientOrderId())
                    && !trails.getOrDefault(order.clientOrderId(), List.of()).contains("FILLED")) {
                missingFills++;
                example(
                        examples,
                        "fills missing from the audit trail",
                        order.clientOrderId() + ": stored FILLED without a FILLED entry");
            }
        }

        int differences = 0;
        for (Published intent : published) {
            String difference = difference(
                    local.get(intent.clientOrderId()),
                    venueById.getOrDefault(intent.clientOrderId(), List.of()),
                    tradesByOrder);
            if (difference != null) {
                differences++;
                example(examples, "local vs venue state differences", intent.clientOrderId() + ": " + difference);
            }
        }
        for (String id : venueById.keySet()) {
            if (!local.containsKey(id)) {
                differences++;
                example(examples, "local vs venue state differences", id + ": at the venue, never stored by Peregrine");
            }
        }
        for (Map.Entry<String, BigDecimal[]> balance :
                balancesDiffering(local.values()).entrySet()) {
            differences++;
            example(
                    examples,
                    "local vs venue state differences",
                    "balance " + balance.getKey() + ": venue "
                            + balance.getValue()[0].toPlainString() + ", from Peregrine's fills "
                            + balance.getValue()[1].toPlainString());
        }
        return new Figures(published.size(), duplicates, withoutOutcome, missingFills, differences, outcomes, examples);
    }

    /** Why the stored order and the venue's orders of one client order id disagree; null when they agree. */
    private static String difference(LocalOrder order, List<SpotOrder> atVenue, Map<Long, List<SpotTrade>> trades) {
        List<SpotOrder> filled = atVenue.stream()
                .filter(venue -> venue.status() == SpotOrder.Status.FILLED)
                .toList();
        if (order == null) {
            return atVenue.isEmpty() ? null : "not stored, but the venue has " + atVenue.size() + " order(s)";
        }
        if (!order.state().equals("FILLED")) {
            if (!filled.isEmpty()) {
                return "Peregrine " + order.state() + ", the venue FILLED "
                        + filled.getFirst().orderId();
            }
            if (order.state().equals("ACCEPTED") && atVenue.stream().noneMatch(SpotOrder::open)) {
                return "Peregrine ACCEPTED, nothing open at the venue";
            }
            return null;
        }
        if (filled.size() != 1) {
            return "Peregrine FILLED, the venue filled " + filled.size() + " orders with this id";
        }
        SpotOrder venue = filled.getFirst();
        if (!String.valueOf(venue.orderId()).equals(order.venueOrderId())) {
            return "venue order id " + order.venueOrderId() + " here, " + venue.orderId() + " at the venue";
        }
        if (venue.executedQty().compareTo(order.quantity()) != 0) {
            return "quantity " + order.quantity() + " here, executed " + venue.executedQty() + " at the venue";
        }
        BigDecimal average = venue.cummulativeQuoteQty().divide(venue.executedQty(), MathContext.DECIMAL64);
        if (average.compareTo(order.fillPrice()) != 0) {
            return "fill price " + order.fillPrice() + " here, average " + average + " at the venue";
        }
        List<SpotTrade> its = trades.getOrDefault(venue.orderId(), List.of());
        BigDecimal commission = its.stream().map(SpotTrade::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (commission.compareTo(order.fee()) != 0
                || its.stream().anyMatch(t -> !t.commissionAsset().equals(order.feeAsset()))) {
            return "fee " + order.fee() + " " + order.feeAsset() + " here, " + commission + " "
                    + its.stream().map(SpotTrade::commissionAsset).distinct().toList() + " at the venue";
        }
        return null;
    }

    /** Per asset whose venue balance is not the initial one moved by Peregrine's fills: {venue, expected}. */
    private Map<String, BigDecimal[]> balancesDiffering(Iterable<LocalOrder> orders) {
        Map<String, BigDecimal> expected = new TreeMap<>(initialBalances);
        for (LocalOrder order : orders) {
            if (!order.state().equals("FILLED")) {
                continue;
            }
            String base = baseOf(order.symbol());
            String quote = order.symbol().substring(base.length());
            BigDecimal sign = order.side().equals("BUY") ? BigDecimal.ONE : BigDecimal.ONE.negate();
            expected.merge(base, order.quantity().multiply(sign), BigDecimal::add);
            expected.merge(
                    quote,
                    order.quantity().multiply(order.fillPrice()).multiply(sign).negate(),
                    BigDecimal::add);
            expected.merge(order.feeAsset(), order.fee().negate(), BigDecimal::add);
        }
        Map<String, BigDecimal[]> differing = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> asset : expected.entrySet()) {
            BigDecimal venue = exchange.freeBalance(asset.getKey()).add(exchange.lockedBalance(asset.getKey()));
            BigDecimal gap = venue.subtract(asset.getValue()).abs();
            boolean quote = asset.getKey().equals("USDT");
            if (quote ? gap.compareTo(QUOTE_TOLERANCE) > 0 : gap.signum() != 0) {
                differing.put(asset.getKey(), new BigDecimal[] {venue, asset.getValue()});
            }
        }
        return differing;
    }

    private static String baseOf(String symbol) {
        if (!symbol.endsWith("USDT")) {
            throw new IllegalArgumentException("the chaos test trades USDT symbols only, not " + symbol);
        }
        return symbol.substring(0, symbol.length() - "USDT".length());
    }

    private static void example(Map<String, List<String>> examples, String kind, String example) {
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add(example);
        }
    }
}
