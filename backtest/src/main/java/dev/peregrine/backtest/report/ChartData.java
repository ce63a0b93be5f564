package dev.peregrine.backtest.report;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The charts' data island: equity, drawdown and each symbol's closes (thinned by {@link Downsampler}) with the
 * trades' entry and exit markers at their exact times and prices.
 */
final class ChartData {

    static final int MAX_POINTS = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartData() {}

    static String json(ReportData data) {
        ObjectNode root = JSON.createObjectNode();
        long[] times =
                data.equity().stream().mapToLong(p -> p.time().toEpochMilli()).toArray();
        double[] equity = data.equity().stream()
                .mapToDouble(p -> p.equity().doubleValue())
                .toArray();
        double[] drawdown = Drawdown.series(data.run().startingCash().doubleValue(), equity);
        for (int i = 0; i < drawdown.length; i++) {
            drawdown[i] *= 100.0;
        }
        pairs(root.putArray("equity"), Downsampler.minMax(times, equity, MAX_POINTS));
        pairs(root.putArray("drawdown"), Downsampler.minMax(times, drawdown, MAX_POINTS));
        ArrayNode symbols = root.putArray("symbols");
        for (PriceSeries prices : data.prices()) {
            ObjectNode symbol = symbols.addObject();
            symbol.put("symbol", prices.symbol());
            pairs(symbol.putArray("closes"), Downsampler.minMax(prices.times(), prices.closes(), MAX_POINTS));
            markers(symbol.putArray("entries"), data.trades(), prices.symbol(), true);
            markers(symbol.putArray("exits"), data.trades(), prices.symbol(), false);
        }
        return JSON.writeValueAsString(root);
    }

    private static void pairs(ArrayNode array, List<double[]> points) {
        for (double[] p : points) {
            array.addArray().add((long) p[0]).add(p[1]);
        }
    }

    private static void markers(ArrayNode array, List<TradeRow> trades, String symbol, boolean entries) {
        for (TradeRow t : trades) {
            if (!t.symbol().equals(symbol)) {
                continue;
            }
            ArrayNode marker = array.addArray();
            if (entries) {
                marker.add(t.entryTime().toEpochMilli())
                        .add(t.entryPrice().doubleValue())
                        .add(t.side() + " " + t.strategy() + " " + t.grade());
            } else {
                marker.add(t.exitTime().toEpochMilli())
                        .add(t.exitPrice().doubleValue())
                        .add(t.exitReason() + " " + Format.percent(t.netReturn()));
            }
        }
    }
}
