package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlineCsvTest {

    private static final String LINE_1 = "1514764800000,13715.65000000,13715.65000000,13400.01000000,13529.01000000,"
            + "443.35619900,1514768399999,5993909.83603800,5228,228.52192100,3090541.10576949";
    private static final String LINE_2 = "1514768400000,13528.99000000,13595.89000000,13155.38000000,13203.06000000,"
            + "383.69700600,1514771999999,5154521.55513544,4534,180.84040300,2430449.49295672";

    @TempDir
    Path dir;

    @Test
    void readsBinanceFileWithHeaderKeepingTheRecordedText() throws URISyntaxException {
        List<Kline> klines =
                KlineCsv.read(Path.of(getClass().getResource("/BTCUSDT-1h.csv").toURI()));

        assertThat(klines).hasSize(24);
        Kline first = klines.getFirst();
        assertThat(first.openTime()).isEqualTo(Instant.ofEpochMilli(1514764800000L));
        assertThat(first.closeTime()).isEqualTo(Instant.ofEpochMilli(1514768399999L));
        assertThat(first.open().toPlainString()).isEqualTo("13715.65000000");
        assertThat(first.quoteVolume().toPlainString()).isEqualTo("5993909.83603800");
        assertThat(first.trades()).isEqualTo(5228);
        assertThat(first.takerBuyQuoteVolume()).isEqualByComparingTo("3090541.10576949");
    }

    @Test
    void readsGzipWithoutHeaderAndWithTheIgnoreColumnAndMicroseconds() throws IOException {
        String microseconds =
                LINE_2.replace("1514768400000,", "1514768400000000,").replace(",1514771999999,", ",1514771999999999,");
        Path file = gzip("klines.csv.gz", LINE_1 + ",0\n" + microseconds + "\n");

        List<Kline> klines = KlineCsv.read(file);

        assertThat(klines)
                .extracting(Kline::openTime)
                .containsExactly(Instant.ofEpochMilli(1514764800000L), Instant.ofEpochMilli(1514768400000L));
        assertThat(klines.get(1).closeTime()).isEqualTo(Instant.ofEpochMilli(1514771999999L));
    }

    @Test
    void sortsByOpenTime() throws IOException {
        Path file = Files.writeString(dir.resolve("k.csv"), LINE_2 + "\n" + LINE_1 + "\n");

        assertThat(KlineCsv.read(file))
                .extracting(kline -> kline.open())
                .containsExactly(new BigDecimal("13715.65000000"), new BigDecimal("13528.99000000"));
    }

    @Test
    void badLineFailsNamingFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), LINE_1 + "\n" + "1514768400000,1,2,3\n");

        assertThatThrownBy(() -> KlineCsv.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv:2")
                .hasMessageContaining("found 4");
    }

    @Test
    void twoKlinesWithTheSameOpenTimeAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("dup.csv"), LINE_1 + "\n" + LINE_1 + "\n");

        assertThatThrownBy(() -> KlineCsv.read(file)).hasMessageContaining("two klines open at");
    }

    @Test
    void seriesComesFromBinanceFileNames() {
        assertThat(KlineCsv.seriesFromFileName(Path.of("/x/BTCUSDT-1h.csv.gz")))
                .contains(new SeriesKey("BTCUSDT", KlineInterval.H1));
        assertThat(KlineCsv.seriesFromFileName(Path.of("ETHUSDT-1M-2024-08.csv")))
                .contains(new SeriesKey("ETHUSDT", KlineInterval.MONTH1));
        assertThat(KlineCsv.seriesFromFileName(Path.of("BTCUSDT-7h.csv"))).isEmpty();
        assertThat(KlineCsv.seriesFromFileName(Path.of("klines.csv"))).isEmpty();
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
