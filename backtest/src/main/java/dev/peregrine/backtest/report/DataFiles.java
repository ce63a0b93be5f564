package dev.peregrine.backtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * trades.json, trades.csv, equity.json and equity.csv: the run's trades and per-candle equity for tools other than
 * the report (a spreadsheet, pandas). The JSON and CSV of one kind hold the same rows with the same values.
 */
public final class DataFiles {

    static final List<String> EQUITY_COLUMNS = List.of("time", "equity", "drawdown");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DataFiles() {}

    public static void writeTradesCsv(List<TradeRow> trades, Path file) {
        write(file, out -> {
            out.write(Csv.line(TradeColumns.NAMES));
            for (TradeRow trade : trades) {
                out.write(Csv.line(List.copyOf(TradeColumns.values(trade).values())));
            }
        });
    }

    public static void writeTradesJson(List<TradeRow> trades, Path file) {
        ArrayNode array = JSON.createArrayNode();
        for (TradeRow trade : trades) {
            ObjectNode node = array.addObject();
            for (Map.Entry<String, String> field : TradeColumns.values(trade).entrySet()) {
                switch (field.getKey()) {
                    case "entryPrice", "exitPrice", "quantity", "fees", "netPnl" ->
                        node.put(field.getKey(), new BigDecimal(field.getValue()));
                    case "netReturn" -> node.put(field.getKey(), trade.netReturn());
                    default -> node.put(field.getKey(), field.getValue());
                }
            }
        }
        write(file, out -> out.write(JSON.writeValueAsString(array)));
    }

    public static void writeEquityCsv(ReportData data, Path file) {
        double[] drawdown = drawdown(data);
        write(file, out -> {
            out.write(Csv.line(EQUITY_COLUMNS));
            for (int i = 0; i < data.equity().size(); i++) {
                EquityPoint point = data.equity().get(i);
                out.write(Csv.line(List.of(
                        point.time().toString(), point.equity().toPlainString(), Double.toString(drawdown[i]))));
            }
        });
    }

    public static void writeEquityJson(ReportData data, Path file) {
        double[] drawdown = drawdown(data);
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < data.equity().size(); i++) {
            EquityPoint point = data.equity().get(i);
            array.addObject()
                    .put("time", point.time().toString())
                    .put("equity", point.equity())
                    .put("drawdown", drawdown[i]);
        }
        write(file, out -> out.write(JSON.writeValueAsString(array)));
    }

    private static double[] drawdown(ReportData data) {
        return Drawdown.series(
                data.run().startingCash().doubleValue(),
                data.equity().stream()
                        .mapToDouble(p -> p.equity().doubleValue())
                        .toArray());
    }

    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private static void write(Path file, Body body) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
