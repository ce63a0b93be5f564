package dev.peregrine.benchmarks.audit;

import dev.peregrine.ingest.domain.KlineFileName;
import dev.peregrine.ingest.domain.Series;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kline file a run replays, with the series its name gives; the audit and the cross-check both start here. */
public record KlineInput(Path file, Series series) {

    /** {@code given}, absolute, if it is readable and named like a Binance kline file; otherwise says what is wrong. */
    public static KlineInput of(Path given) {
        Path file = given.toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        Series series = KlineFileName.seriesOf(file.getFileName().toString())
                .orElseThrow(() ->
                        new IllegalArgumentException(file.getFileName() + " is not named like a Binance kline file "
                                + "(SYMBOL-INTERVAL...csv[.gz]), which gives the symbol and interval"));
        return new KlineInput(file, series);
    }
}
