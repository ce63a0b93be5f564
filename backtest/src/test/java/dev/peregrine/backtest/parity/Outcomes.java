package dev.peregrine.backtest.parity;

import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.DecisionRecord;
import dev.peregrine.backtest.engine.FillRecord;
import dev.peregrine.backtest.engine.OrderRecord;
import dev.peregrine.common.event.Reason;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decisions and orders of a run as comparable lines, one per decision and one per order, sorted by id: from the
 * engine's result, or from what risk- and execution-service stored ({@code risk.decisions}, {@code execution.orders}).
 * Numbers are written without trailing zeros, so a scale the database or the JSON gave them does not count.
 */
record Outcomes(List<String> decisions, List<String> orders) {

    static Outcomes of(BacktestResult result) {
        Map<String, FillRecord> fills =
                result.fills().stream().collect(Collectors.toMap(FillRecord::clientOrderId, Function.identity()));
        List<String> decisions =
                result.decisions().stream().map(Outcomes::decision).sorted().toList();
        List<String> orders = result.orders().stream()
                .map(order -> order(order, fills.get(order.clientOrderId())))
                .sorted()
                .toList();
        return new Outcomes(decisions, orders);
    }

    private static String decision(DecisionRecord d) {
        return String.join(
                " | ",
                d.decisionId().toString(),
                d.signalId().toString(),
                d.strategyId(),
                d.side().name(),
                d.approved() ? "APPROVED" : "DENIED",
                plain(d.quantity()),
                plain(d.riskAmount()),
                d.reasons().stream().map(Reason::code).collect(Collectors.joining(",")),
                d.reasons().stream().map(Reason::detail).collect(Collectors.joining(" / ")));
    }

    private static String order(OrderRecord o, FillRecord fill) {
        String purpose = switch (o.role()) {
            case ENTRY -> "ENTRY";
            case EXIT -> "EXIT";
            case STOP -> "STOP_LOSS";
            case TAKE_PROFIT -> "TAKE_PROFIT";
        };
        return String.join(
                " | ",
                o.clientOrderId(),
                o.intentId().toString(),
                o.strategyId(),
                o.side().name(),
                purpose,
                plain(o.quantity()),
                plain(o.limitLevel()),
                o.state(),
                String.valueOf(o.reasonCode()),
                fill == null ? "-" : plain(fill.price()),
                fill == null ? "-" : plain(fill.fee()),
                fill == null ? "-" : fill.feeAsset(),
                o.notBefore().toString(),
                String.valueOf(o.settledAt()));
    }

    /** What risk- and execution-service stored in the database at {@code jdbcUrl}. */
    static Outcomes stored(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<String> decisions = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select decision_id, signal_id, strategy_id, side, outcome, quantity, risk_amount,
                           (select string_agg(r->>'code', ',' order by n) from jsonb_array_elements(reasons)
                                   with ordinality as t(r, n)) as codes,
                           (select string_agg(r->>'detail', ' / ' order by n) from jsonb_array_elements(reasons)
                                   with ordinality as t(r, n)) as details
                      from risk.decisions""")) {
                while (rows.next()) {
                    decisions.add(String.join(
                            " | ",
                            rows.getString("decision_id"),
                            rows.getString("signal_id"),
                            rows.getString("strategy_id"),
                            rows.getString("side"),
                            rows.getString("outcome"),
                            plain(rows.getBigDecimal("quantity")),
                            plain(rows.getBigDecimal("risk_amount")),
                            String.valueOf(rows.getString("codes")),
                            String.valueOf(rows.getString("details"))));
                }
            }
            List<String> orders = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select client_order_id, intent_id, strategy_id, side, purpose, quantity, state, stop_loss,
                           take_profit, coalesce(reject_code, cancel_code) as reason, fill_price, fee, fee_asset,
                           not_before, settled_at
                      from execution.orders""")) {
                while (rows.next()) {
                    String purpose = rows.getString("purpose");
                    BigDecimal level = switch (purpose) {
                        case "STOP_LOSS" -> rows.getBigDecimal("stop_loss");
                        case "TAKE_PROFIT" -> rows.getBigDecimal("take_profit");
                        default -> null;
                    };
                    String fee = rows.getString("fee_asset");
                    Timestamp settled = rows.getTimestamp("settled_at");
                    orders.add(String.join(
                            " | ",
                            rows.getString("client_order_id"),
                            rows.getString("intent_id"),
                            rows.getString("strategy_id"),
                            rows.getString("side"),
                            purpose,
                            plain(rows.getBigDecimal("quantity")),
                            plain(level),
                            rows.getString("state"),
                            String.valueOf(rows.getString("reason")),
                            fee == null ? "-" : plain(rows.getBigDecimal("fill_price")),
                            fee == null ? "-" : plain(rows.getBigDecimal("fee")),
                            fee == null ? "-" : fee,
                            rows.getTimestamp("not_before").toInstant().toString(),
                            settled == null ? "null" : settled.toInstant().toString()));
                }
            }
            return new Outcomes(
                    decisions.stream().sorted().toList(),
                    orders.stream().sorted().toList());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
