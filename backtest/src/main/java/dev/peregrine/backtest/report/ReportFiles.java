package dev.peregrine.backtest.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's five output files into one directory (created if missing, files replaced). */
public final class ReportFiles {

    public static final List<String> NAMES =
            List.of("report.html", "trades.json", "trades.csv", "equity.json", "equity.csv");

    private ReportFiles() {}

    public static void write(ReportData data, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.html"), ReportPage.html(data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + directory, e);
        }
        DataFiles.writeTradesJson(data.trades(), directory.resolve("trades.json"));
        DataFiles.writeTradesCsv(data.trades(), directory.resolve("trades.csv"));
        DataFiles.writeEquityJson(data, directory.resolve("equity.json"));
        DataFiles.writeEquityCsv(data, directory.resolve("equity.csv"));
    }
}
