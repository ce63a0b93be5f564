package dev.peregrine.execution.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instantOrNull;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.OrderWrites;
import dev.peregrine.execution.domain.Cancellation;
import dev.peregrine.execution.domain.Causation;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderFilter;
import dev.peregrine.execution.domain.OrderRole;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTerms;
import dev.peregrine.execution.domain.OrderTransition;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code execution.orders} and its audit trail {@code execution.order_events}. */
@Component
class JdbcOrderStore implements OrderStore {

    private static final String COLUMNS = """
            client_order_id, intent_id, strategy_id, symbol, side, order_type, quantity, limit_price, not_before,
            state, version, venue, venue_order_id, fill_price, fee, fee_asset, settled_at, reject_code, reject_detail,
            correlation_id, causation_id, intent_event_time, created_at, updated_at, purpose, stop_loss, take_profit,
            exit_reason_code, exit_reason_detail, parent_client_order_id, reference_price, cancel_code, cancel_detail,
            canceled_by""";

    private static final RowMapper<Order> ORDER = JdbcOrderStore::order;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcOrderStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public boolean write(OrderWrites writes) {
        Boolean written = transaction.execute(status -> {
            for (OrderWrites.NewOrder created : writes.inserts()) {
                if (!insert(created)) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            for (OrderChange change : writes.updates()) {
                if (!update(change.order())) {
                    status.setRollbackOnly();
                    return false;
                }
                insertTransitions(
                        change.order().clientOrderId(), change.order().version(), List.of(change.transition()));
            }
            return true;
        });
        return Boolean.TRUE.equals(written);
    }

    private boolean insert(OrderWrites.NewOrder created) {
        Order order = created.order();
        OrderTerms terms = order.terms();
        OrderRole role = terms.role();
        Optional<Reason> exitReason = Optional.ofNullable(role.exitReason());
        int rows = jdbc.sql("insert into execution.orders (" + COLUMNS + """
                        ) values (:clientOrderId, :intentId, :strategyId, :symbol, :side, :orderType, :quantity,
                        :limitPrice, :notBefore, :state, :version, :venue, :venueOrderId, :fillPrice, :fee, :feeAsset,
                        :settledAt, :rejectCode, :rejectDetail, :correlationId, :causationId, :intentEventTime,
                        :createdAt, :updatedAt, :purpose, :stopLoss, :takeProfit, :exitReasonCode, :exitReasonDetail,
                        :parentClientOrderId, :referencePrice, :cancelCode, :cancelDetail, :canceledBy)
                        on conflict do nothing""")
                .param("clientOrderId", terms.clientOrderId())
                .param("intentId", terms.intentId())
                .param("strategyId", terms.strategyId())
                .param("symbol", terms.symbol().value())
                .param("side", terms.side().name())
                .param("orderType", terms.type().name())
                .param("quantity", terms.quantity().value())
                .param("limitPrice", terms.limit().map(Price::value).orElse(null), Types.NUMERIC)
                .param("notBefore", timestamptz(terms.notBefore()))
                .param("correlationId", terms.causation().correlationId())
                .param("causationId", terms.causation().intentEventId())
                .param("intentEventTime", timestamptz(terms.causation().intentEventTime()))
                .param("createdAt", timestamptz(order.createdAt()))
                .param("purpose", role.purpose().name())
                .param("stopLoss", role.stop().map(Price::value).orElse(null), Types.NUMERIC)
                .param("takeProfit", role.target().map(Price::value).orElse(null), Types.NUMERIC)
                .param("exitReasonCode", exitReason.map(Reason::code).orElse(null), Types.VARCHAR)
                .param("exitReasonDetail", exitReason.map(Reason::detail).orElse(null), Types.VARCHAR)
                .param("parentClientOrderId", role.parentClientOrderId(), Types.VARCHAR)
                .params(mutableColumns(order))
                .update();
        if (rows == 0) {
            return false;
        }
        insertTransitions(order.clientOrderId(), 1, created.transitions());
        return true;
    }

    /** The order's new state, if the stored one is still the version before it (optimistic locking). */
    private boolean update(Order order) {
        return jdbc.sql("""
                        update execution.orders set state = :state, version = :version, venue = :venue,
                        venue_order_id = :venueOrderId, fill_price = :fillPrice, fee = :fee, fee_asset = :feeAsset,
                        settled_at = :settledAt, reject_code = :rejectCode, reject_detail = :rejectDetail,
                        reference_price = :referencePrice, cancel_code = :cancelCode, cancel_detail = :cancelDetail,
                        canceled_by = :canceledBy, updated_at = :updatedAt
                        where client_order_id = :clientOrderId and version = :expectedVersion""")
                        .params(mutableColumns(order))
                        .param("clientOrderId", order.clientOrderId())
                        .param("expectedVersion", order.version() - 1)
                        .update()
                == 1;
    }

    @Override
    public Optional<Order> find(String clientOrderId) {
        return jdbc.sql("select " + COLUMNS + " from execution.orders where client_order_id = :id")
                .param("id", clientOrderId)
                .query(ORDER)
                .optional();
    }

    @Override
    public List<Order> workingAt(String venue, Symbol symbol, Instant marketTime) {
        return jdbc.sql("select " + COLUMNS + """
                         from execution.orders
                        where symbol = :symbol and state = 'ACCEPTED' and not_before <= :marketTime and venue = :venue
                        order by not_before, client_order_id""")
                .param("venue", venue)
                .param("symbol", symbol.value())
                .param("marketTime", timestamptz(marketTime))
                .query(ORDER)
                .list();
    }

    @Override
    public List<Order> settledAt(Symbol symbol, Instant marketTime) {
        return jdbc.sql("select " + COLUMNS + """
                         from execution.orders
                        where symbol = :symbol and settled_at = :marketTime
                        order by client_order_id""")
                .param("symbol", symbol.value())
                .param("marketTime", timestamptz(marketTime))
                .query(ORDER)
                .list();
    }

    @Override
    public List<Order> position(String venue, String strategyId, Symbol symbol) {
        return jdbc.sql("select " + COLUMNS + """
                         from execution.orders
                        where strategy_id = :strategyId and symbol = :symbol and venue = :venue
                          and state in ('PENDING_SUBMIT', 'UNKNOWN', 'ACCEPTED', 'FILLED')
                        order by created_at, client_order_id""")
                .param("venue", venue)
                .param("strategyId", strategyId)
                .param("symbol", symbol.value())
                .query(ORDER)
                .list();
    }

    @Override
    public List<Order> unresolved(String venue) {
        return inStates(venue, "'PENDING_SUBMIT', 'UNKNOWN'");
    }

    @Override
    public List<Order> working(String venue) {
        return inStates(venue, "'ACCEPTED'");
    }

    private List<Order> inStates(String venue, String states) {
        return jdbc.sql("select " + COLUMNS + " from execution.orders where venue = :venue and state in (" + states
                        + ") order by created_at, client_order_id")
                .param("venue", venue)
                .query(ORDER)
                .list();
    }

    @Override
    public List<Order> relatedTo(String clientOrderId) {
        return jdbc.sql("select " + COLUMNS + """
                         from execution.orders
                        where parent_client_order_id = :id or canceled_by = :id
                        order by created_at, array_position(array['ENTRY', 'EXIT', 'STOP_LOSS', 'TAKE_PROFIT'], purpose),
                                 client_order_id""")
                .param("id", clientOrderId)
                .query(ORDER)
                .list();
    }

    @Override
    public List<Order> list(OrderFilter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from execution.orders where true");
        filter.symbol().ifPresent(symbol -> sql.append(" and symbol = :symbol"));
        filter.state().ifPresent(state -> sql.append(" and state = :state"));
        sql.append(" order by created_at desc, client_order_id limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", filter.limit());
        if (filter.symbol().isPresent()) {
            statement = statement.param("symbol", filter.symbol().get().value());
        }
        if (filter.state().isPresent()) {
            statement = statement.param("state", filter.state().get().name());
        }
        return statement.query(ORDER).list();
    }

    @Override
    public List<OrderTransition> transitions(String clientOrderId) {
        return jdbc.sql("""
                        select from_state, to_state, occurred_at, detail from execution.order_events
                        where client_order_id = :id
                        order by seq""")
                .param("id", clientOrderId)
                .query((rs, row) -> new OrderTransition(
                        rs.getString("from_state") == null ? null : OrderState.valueOf(rs.getString("from_state")),
                        OrderState.valueOf(rs.getString("to_state")),
                        instantOrNull(rs, "occurred_at"),
                        rs.getString("detail")))
                .list();
    }

    /** One multi-row insert: an order's new audit entries cost a single round trip. */
    private void insertTransitions(String clientOrderId, int firstSeq, List<OrderTransition> transitions) {
        StringBuilder sql = new StringBuilder(
                "insert into execution.order_events (client_order_id, seq, from_state, to_state, detail, occurred_at) values ");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < transitions.size(); i++) {
            OrderTransition transition = transitions.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            values.add(clientOrderId);
            values.add(firstSeq + i);
            values.add(new SqlParameterValue(
                    Types.VARCHAR,
                    transition.from() == null ? null : transition.from().name()));
            values.add(transition.to().name());
            values.add(transition.detail());
            values.add(timestamptz(transition.at()));
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    /** Columns a transition may change; nullable ones carry their SQL type, else the driver has to guess. */
    private static Map<String, Object> mutableColumns(Order order) {
        Optional<Fill> fill = order.fillIfAny();
        Optional<Reason> reason = Optional.ofNullable(order.rejectReason());
        Optional<Cancellation> cancel = Optional.ofNullable(order.cancellation());
        Map<String, Object> columns = new HashMap<>();
        columns.put("state", order.state().name());
        columns.put("version", order.version());
        columns.put("venue", order.venue());
        columns.put("venueOrderId", new SqlParameterValue(Types.VARCHAR, order.venueOrderId()));
        columns.put(
                "fillPrice",
                new SqlParameterValue(
                        Types.NUMERIC, fill.map(f -> f.price().value()).orElse(null)));
        columns.put(
                "fee",
                new SqlParameterValue(
                        Types.NUMERIC, fill.map(f -> f.fee().amount()).orElse(null)));
        columns.put(
                "feeAsset",
                new SqlParameterValue(
                        Types.VARCHAR, fill.map(f -> f.fee().currency()).orElse(null)));
        columns.put("settledAt", new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, timestamptz(order.settledAt())));
        columns.put(
                "rejectCode",
                new SqlParameterValue(Types.VARCHAR, reason.map(Reason::code).orElse(null)));
        columns.put(
                "rejectDetail",
                new SqlParameterValue(Types.VARCHAR, reason.map(Reason::detail).orElse(null)));
        columns.put(
                "referencePrice",
                new SqlParameterValue(
                        Types.NUMERIC, fill.map(f -> f.referencePrice().value()).orElse(null)));
        columns.put(
                "cancelCode",
                new SqlParameterValue(
                        Types.VARCHAR, cancel.map(c -> c.reason().code()).orElse(null)));
        columns.put(
                "cancelDetail",
                new SqlParameterValue(
                        Types.VARCHAR, cancel.map(c -> c.reason().detail()).orElse(null)));
        columns.put(
                "canceledBy",
                new SqlParameterValue(
                        Types.VARCHAR, cancel.map(Cancellation::canceledBy).orElse(null)));
        columns.put("updatedAt", timestamptz(order.updatedAt()));
        return columns;
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        BigDecimal limitPrice = rs.getBigDecimal("limit_price");
        String exitReasonCode = rs.getString("exit_reason_code");
        OrderRole role = new OrderRole(
                OrderPurpose.valueOf(rs.getString("purpose")),
                price(rs, "stop_loss"),
                price(rs, "take_profit"),
                exitReasonCode == null ? null : Reason.of(exitReasonCode, rs.getString("exit_reason_detail")),
                rs.getString("parent_client_order_id"));
        OrderTerms terms = new OrderTerms(
                rs.getString("client_order_id"),
                rs.getObject("intent_id", UUID.class),
                rs.getString("strategy_id"),
                Symbol.of(rs.getString("symbol")),
                Side.valueOf(rs.getString("side")),
                OrderType.valueOf(rs.getString("order_type")),
                Quantity.of(rs.getBigDecimal("quantity")),
                limitPrice == null ? null : Price.of(limitPrice),
                instantOrNull(rs, "not_before"),
                new Causation(
                        rs.getObject("correlation_id", UUID.class),
                        rs.getObject("causation_id", UUID.class),
                        instantOrNull(rs, "intent_event_time")),
                role);
        OrderState state = OrderState.valueOf(rs.getString("state"));
        Instant settledAt = instantOrNull(rs, "settled_at");
        BigDecimal fillPrice = rs.getBigDecimal("fill_price");
        Fill fill = fillPrice == null
                ? null
                : new Fill(
                        Price.of(fillPrice),
                        new Money(rs.getBigDecimal("fee"), rs.getString("fee_asset")),
                        settledAt,
                        Price.of(rs.getBigDecimal("reference_price")));
        String rejectCode = rs.getString("reject_code");
        Reason rejectReason = rejectCode == null ? null : Reason.of(rejectCode, rs.getString("reject_detail"));
        String cancelCode = rs.getString("cancel_code");
        Cancellation cancellation = cancelCode == null
                ? null
                : new Cancellation(Reason.of(cancelCode, rs.getString("cancel_detail")), rs.getString("canceled_by"));
        return new Order(
                terms,
                rs.getString("venue"),
                state,
                rs.getInt("version"),
                rs.getString("venue_order_id"),
                fill,
                rejectReason,
                cancellation,
                settledAt,
                instantOrNull(rs, "created_at"),
                instantOrNull(rs, "updated_at"));
    }

    private static Price price(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Price.of(value);
    }
}
