package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.OrderWrites;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderFilter;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * execution-service's order store in memory, with the semantics of {@code JdbcOrderStore}: a write stores all of its
 * inserts and updates or nothing; an insert fails on a known clientOrderId or intentId; an update fails unless the
 * stored order is still at the version before it; the queries return what its SQL returns, in the same order. Working
 * orders are indexed per symbol, since every candle asks for them.
 */
final class MemoryOrderStore implements OrderStore {

    /** {@code order by not_before, client_order_id}. */
    private static final Comparator<Order> BY_NOT_BEFORE =
            Comparator.comparing((Order order) -> order.terms().notBefore()).thenComparing(Order::clientOrderId);
    /** {@code order by created_at, client_order_id}. */
    private static final Comparator<Order> BY_CREATION =
            Comparator.comparing(Order::createdAt).thenComparing(Order::clientOrderId);

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Set<UUID> intentIds = new HashSet<>();
    private final Map<String, List<OrderTransition>> transitions = new HashMap<>();
    private final Map<Symbol, TreeSet<Order>> workingBySymbol = new HashMap<>();
    /**
     * Per (strategy, symbol): its orders that are not REJECTED or CANCELED, what {@link #position} returns, kept in
     * its order ({@code created_at, client_order_id}; an order's creation time never changes).
     */
    private final Map<String, TreeMap<Creation, Order>> livePositions = new HashMap<>();

    private record Creation(Instant at, String clientOrderId) implements Comparable<Creation> {

        static Creation of(Order order) {
            return new Creation(order.createdAt(), order.clientOrderId());
        }

        @Override
        public int compareTo(Creation other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : clientOrderId.compareTo(other.clientOrderId);
        }
    }

    @Override
    public boolean write(OrderWrites writes) {
        Set<String> inserting = new HashSet<>();
        Set<UUID> insertingIntents = new HashSet<>();
        for (OrderWrites.NewOrder created : writes.inserts()) {
            Order order = created.order();
            if (orders.containsKey(order.clientOrderId())
                    || intentIds.contains(order.intentId())
                    || !inserting.add(order.clientOrderId())
                    || !insertingIntents.add(order.intentId())) {
                return false;
            }
        }
        Map<String, Integer> versions = new HashMap<>();
        for (OrderChange change : writes.updates()) {
            String id = change.order().clientOrderId();
            int expected = change.order().version() - 1;
            Order stored = orders.get(id);
            int current = versions.getOrDefault(id, stored == null ? -1 : stored.version());
            if (current != expected) {
                return false;
            }
            versions.put(id, change.order().version());
        }
        for (OrderWrites.NewOrder created : writes.inserts()) {
            Order order = created.order();
            intentIds.add(order.intentId());
            transitions.put(order.clientOrderId(), new ArrayList<>(created.transitions()));
            put(order);
        }
        for (OrderChange change : writes.updates()) {
            transitions.get(change.order().clientOrderId()).add(change.transition());
            put(change.order());
        }
        return true;
    }

    private void put(Order order) {
        Order previous = orders.put(order.clientOrderId(), order);
        TreeSet<Order> working =
                workingBySymbol.computeIfAbsent(order.symbol(), symbol -> new TreeSet<>(BY_NOT_BEFORE));
        if (previous != null) {
            working.remove(previous);
        }
        if (order.state() == OrderState.ACCEPTED) {
            working.add(order);
        }
        TreeMap<Creation, Order> live = livePositions.computeIfAbsent(positionKey(order), key -> new TreeMap<>());
        if (order.state() == OrderState.REJECTED || order.state() == OrderState.CANCELED) {
            live.remove(Creation.of(order));
        } else {
            live.put(Creation.of(order), order);
        }
    }

    @Override
    public Optional<Order> find(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    @Override
    public List<Order> workingAt(String venue, Symbol symbol, Instant marketTime) {
        TreeSet<Order> working = workingBySymbol.get(symbol);
        if (working == null || working.isEmpty()) {
            return List.of();
        }
        List<Order> due = new ArrayList<>();
        for (Order order : working) {
            if (order.terms().notBefore().isAfter(marketTime)) {
                break;
            }
            if (order.venue().equals(venue)) {
                due.add(order);
            }
        }
        return due;
    }

    @Override
    public List<Order> settledAt(Symbol symbol, Instant marketTime) {
        return orders.values().stream()
                .filter(order -> order.symbol().equals(symbol) && marketTime.equals(order.settledAt()))
                .sorted(Comparator.comparing(Order::clientOrderId))
                .toList();
    }

    @Override
    public List<Order> position(String venue, String strategyId, Symbol symbol) {
        TreeMap<Creation, Order> live = livePositions.get(positionKey(strategyId, symbol));
        if (live == null) {
            return List.of();
        }
        List<Order> held = new ArrayList<>(live.size());
        for (Order order : live.values()) {
            if (order.venue().equals(venue)) {
                held.add(order);
            }
        }
        return held;
    }

    @Override
    public List<Order> unresolved(String venue) {
        return sortedBy(
                orders.values(),
                order -> order.venue().equals(venue)
                        && (order.state() == OrderState.PENDING_SUBMIT || order.state() == OrderState.UNKNOWN));
    }

    @Override
    public List<Order> working(String venue) {
        return sortedBy(orders.values(), order -> order.venue().equals(venue) && order.state() == OrderState.ACCEPTED);
    }

    @Override
    public List<Order> relatedTo(String clientOrderId) {
        return orders.values().stream()
                .filter(order -> clientOrderId.equals(order.terms().role().parentClientOrderId())
                        || (order.cancellation() != null
                                && clientOrderId.equals(order.cancellation().canceledBy())))
                .sorted(Comparator.comparing(Order::createdAt)
                        .thenComparing(order -> order.purpose().ordinal())
                        .thenComparing(Order::clientOrderId))
                .toList();
    }

    @Override
    public List<Order> list(OrderFilter filter) {
        return orders.values().stream()
                .filter(order -> filter.symbol().map(order.symbol()::equals).orElse(true))
                .filter(order ->
                        filter.state().map(state -> order.state() == state).orElse(true))
                .sorted(BY_CREATION.reversed())
                .limit(filter.limit())
                .toList();
    }

    @Override
    public List<OrderTransition> transitions(String clientOrderId) {
        return List.copyOf(transitions.getOrDefault(clientOrderId, List.of()));
    }

    /** Every order, in the order it was created. */
    Collection<Order> all() {
        return orders.values();
    }

    private static List<Order> sortedBy(Collection<Order> orders, java.util.function.Predicate<Order> which) {
        return orders.stream().filter(which).sorted(BY_CREATION).toList();
    }

    private static String positionKey(Order order) {
        return positionKey(order.terms().strategyId(), order.symbol());
    }

    private static String positionKey(String strategyId, Symbol symbol) {
        return Objects.requireNonNull(strategyId) + "\u0000" + symbol.value();
    }
}
