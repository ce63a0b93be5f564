package dev.peregrine.backtest.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of trades.csv and the fields of trades.json, in one place so the two files always agree: times in
 * ISO-8601 UTC, prices and money as plain decimals exactly as the engine computed them.
 */
final class TradeColumns {

    static final List<String> NAMES = List.of(
            "symbol",
            "side",
            "strategy",
            "grade",
            "entryTime",
            "entryPrice",
            "exitTime",
            "exitPrice",
            "quantity",
            "fees",
            "netPnl",
            "netReturn",
            "exitReason");

    private TradeColumns() {}

    /** The trade's values as text, in {@link #NAMES}' order. */
    static Map<String, String> values(TradeRow trade) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("symbol", trade.symbol());
        values.put("side", trade.side());
        values.put("strategy", trade.strategy());
        values.put("grade", trade.grade());
        values.put("entryTime", trade.entryTime().toString());
        values.put("entryPrice", trade.entryPrice().toPlainString());
        values.put("exitTime", trade.exitTime().toString());
        values.put("exitPrice", trade.exitPrice().toPlainString());
        values.put("quantity", trade.quantity().toPlainString());
        values.put("fees", trade.fees().toPlainString());
        values.put("netPnl", trade.netPnl().toPlainString());
        values.put("netReturn", Double.toString(trade.netReturn()));
        values.put("exitReason", trade.exitReason());
        return values;
    }
}
