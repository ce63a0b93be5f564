package dev.peregrine.ingest.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeInfoSnapshotTest {

    private static final String SHIPPED = "classpath:exchange-info/binance-spot-exchangeinfo.json";
    private static final String FIX = "Set peregrine.ingest.instruments.snapshot to a readable snapshot.";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol SOL = Symbol.of("SOLUSDT");
    private static final Symbol BNB = Symbol.of("BNBUSDT");
    private static final Symbol XRP = Symbol.of("XRPUSDT");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ExchangeInfoSnapshot snapshot(String json) throws IOException {
        Path file = dir.resolve("exchangeInfo.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new ExchangeInfoSnapshot(file.toString(), FIX, clock);
    }

    private static String symbol(String name, String filters) {
        return """
                {"symbol": "%s", "status": "TRADING", "baseAsset": "%s", "quoteAsset": "USDT", "filters": [%s]}""".formatted(name, name.substring(0, name.length() - 4), filters);
    }

    private static final String PRICE = """
            {"filterType": "PRICE_FILTER", "minPrice": "0.01000000", "maxPrice": "1000000.00000000", "tickSize": "0.01000000"}""";
    private static final String LOT = """
            {"filterType": "LOT_SIZE", "minQty": "0.00001000", "maxQty": "9000.00000000", "stepSize": "0.00001000"}""";

    @Test
    void theShippedSnapshotHoldsTheFiveReplayedSymbolsWithTheirFilters() {
        ExchangeInfoSnapshot shipped = new ExchangeInfoSnapshot(SHIPPED, FIX, clock);

        assertThat(shipped.symbols()).containsExactly(BTC, ETH, SOL, BNB, XRP);
        InstrumentLookup lookup = shipped.lookup(List.of(BTC, ETH, SOL, BNB, XRP));
        assertThat(lookup.unknown()).isEmpty();
        assertThat(lookup.serverTime())
                .as("the snapshot is undated: the time of the sync")
                .isEqualTo(NOW);
        assertThat(lookup.found()).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo("TRADING");
            assertThat(i.quoteAsset()).isEqualTo("USDT");
            assertThat(i.minNotional()).isEqualByComparingTo("5");
            assertThat(i.maxNotional()).isEqualByComparingTo("9000000");
        });
        // The values and their sources are listed in exchange-info/README.md.
        assertThat(lookup.found())
                .extracting(ExchangeInfoSnapshotTest::rules)
                .containsExactly(
                        "BTCUSDT BTC tick 0.01 step 0.00001 min 0.00001 max 9000 market 128.52621715",
                        "ETHUSDT ETH tick 0.01 step 0.0001 min 0.0001 max 9000 market 3277.54882761",
                        "SOLUSDT SOL tick 0.01 step 0.001 min 0.001 max 9000000 market none",
                        "BNBUSDT BNB tick 0.01 step 0.001 min 0.001 max 9000000 market none",
                        "XRPUSDT XRP tick 0.0001 step 1 min 1 max 9222449 market 6858819.29288702");
    }

    private static String rules(Instrument i) {
        return i.symbol() + " " + i.baseAsset() + " tick " + plain(i.tickSize()) + " step " + plain(i.stepSize())
                + " min " + plain(i.minQuantity()) + " max " + plain(i.maxQuantity()) + " market "
                + plain(i.marketMaxQuantity());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }

    @Test
    void marketLotSizeGivesTheMarketMaximumAndItsZeroStepIsNoStep() throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot("""
                {"serverTime": 1700000000000, "symbols": [%s]}""".formatted(symbol("BTCUSDT", PRICE + "," + LOT + """
                , {"filterType": "MARKET_LOT_SIZE", "minQty": "0.00000000", "maxQty": "83.27621058", "stepSize": "0.00000000"},
                  {"filterType": "NOTIONAL", "minNotional": "5.00000000", "applyMinToMarket": true,
                   "maxNotional": "9000000.00000000", "applyMaxToMarket": false, "avgPriceMins": 5}""")));

        InstrumentLookup lookup = snapshot.lookup(List.of(BTC));

        Instrument btc = lookup.found().getFirst();
        assertThat(btc.stepSize()).as("LOT_SIZE's, not MARKET_LOT_SIZE's 0").isEqualByComparingTo("0.00001");
        assertThat(btc.minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(btc.maxQuantity()).isEqualByComparingTo("9000");
        assertThat(btc.marketMaxQuantity()).isEqualByComparingTo("83.27621058");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
        assertThat(btc.maxNotional()).isEqualByComparingTo("9000000");
        assertThat(lookup.serverTime()).as("the snapshot's own time").isEqualTo(Instant.ofEpochMilli(1700000000000L));
    }

    @Test
    void withoutNotionalTheOlderMinNotionalGivesTheMinimumAndThereIsNoMaximum() throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot("""
                {"symbols": [%s]}""".formatted(symbol("ETHUSDT", PRICE + "," + LOT + """
                , {"filterType": "MIN_NOTIONAL", "minNotional": "10.00000000", "applyToMarket": true, "avgPriceMins": 5}""")));

        Instrument eth = snapshot.lookup(List.of(ETH)).found().getFirst();

        assertThat(eth.minNotional()).isEqualByComparingTo("10");
        assertThat(eth.maxNotional()).isNull();
        assertThat(eth.marketMaxQuantity()).as("no MARKET_LOT_SIZE").isNull();
    }

    @Test
    void notionalWinsOverMinNotionalWhateverTheirOrder() throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot("""
                {"symbols": [%s]}""".formatted(symbol("ETHUSDT", PRICE + "," + LOT + """
                , {"filterType": "NOTIONAL", "minNotional": "5.00000000", "maxNotional": "0.00000000"},
                  {"filterType": "MIN_NOTIONAL", "minNotional": "10.00000000"}""")));

        Instrument eth = snapshot.lookup(List.of(ETH)).found().getFirst();

        assertThat(eth.minNotional()).isEqualByComparingTo("5");
        assertThat(eth.maxNotional()).as("0 means none").isNull();
    }

    @Test
    void unknownFilterTypesAndFieldsAreIgnoredAndNumbersAreReadExactly() throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot("""
                {"timezone": "UTC", "rateLimits": [], "exchangeFilters": [{"filterType": "EXCHANGE_MAX_NUM_ORDERS"}],
                 "futureField": {"x": [1, 2]}, "symbols": [%s]}""".formatted(symbol("BTCUSDT", """
                {"filterType": "ICEBERG_PARTS", "limit": 10},
                {"filterType": "SOMETHING_NEW", "tickSize": "7", "weird": [true]},
                {"filterType": "PRICE_FILTER", "tickSize": 0.01},
                {"filterType": "TRAILING_DELTA", "minTrailingAboveDelta": 10},
                {"filterType": "LOT_SIZE", "minQty": 0.00001, "maxQty": 9000, "stepSize": 0.00001}""")));

        Instrument btc = snapshot.lookup(List.of(BTC)).found().getFirst();

        assertThat(btc.tickSize()).isEqualTo(new BigDecimal("0.01"));
        assertThat(btc.stepSize()).isEqualTo(new BigDecimal("0.00001"));
        assertThat(btc.maxQuantity()).isEqualTo(new BigDecimal("9000"));
        assertThat(btc.minNotional()).as("neither NOTIONAL nor MIN_NOTIONAL").isEqualByComparingTo("0");
    }

    @Test
    void aSymbolItDoesNotListIsUnknownAndOneItCannotReadIsNeitherFoundNorUnknown() throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot("""
                {"symbols": [%s, %s, %s]}""".formatted(
                        symbol("BTCUSDT", PRICE + "," + LOT), symbol("ETHUSDT", LOT), symbol("BNBUSDT", PRICE + """
                , {"filterType": "LOT_SIZE", "minQty": "0.001", "stepSize": "a lot"}""")));

        InstrumentLookup lookup = snapshot.lookup(List.of(BTC, ETH, SOL, BNB));

        assertThat(lookup.found()).extracting(Instrument::symbol).containsExactly(BTC);
        assertThat(lookup.unknown()).containsExactly(SOL);
        assertThat(snapshot.symbols()).containsExactly(BTC, ETH, BNB);
        assertThat(ExchangeInfoJson.parse(Files.readString(dir.resolve("exchangeInfo.json")))
                        .unreadable())
                .containsExactly(
                        "ETHUSDT: no PRICE_FILTER filter", "BNBUSDT: LOT_SIZE stepSize is not a decimal: 'a lot'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not JSON             | this is not json                 | it is not JSON: ",
                "cut off              | '{\"symbols\": [{\"symbol\": \"BTC'  | it is not JSON: ",
                "empty                | ''                               | it is not an exchangeInfo answer: expected a "
                        + "JSON object",
                "an array             | '[]'                             | it is not an exchangeInfo answer: expected a "
                        + "JSON object",
                "no symbols           | '{\"timezone\": \"UTC\"}'         | it is not an exchangeInfo answer: no "
                        + "\"symbols\" array",
                "symbols not an array | '{\"symbols\": {}}'              | it is not an exchangeInfo answer: no \"symbols\" array"
            })
    void aMalformedSnapshotIsAClearErrorNamingTheFileAndTheFix(String what, String content, String why)
            throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot(content);
        String location = dir.resolve("exchangeInfo.json").toString();

        assertThatThrownBy(() -> snapshot.lookup(List.of(BTC)))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageStartingWith("the exchangeInfo snapshot '" + location + "' cannot be used: " + why)
                .hasMessageEndingWith(FIX);
        assertThatThrownBy(snapshot::symbols).isInstanceOf(ExchangeUnavailableException.class);
    }

    @Test
    void aMissingFileOrResourceOrADirectoryIsAClearError() {
        String missing = dir.resolve("nope.json").toString();
        assertThatThrownBy(() -> new ExchangeInfoSnapshot(missing, FIX, clock).lookup(List.of(BTC)))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessage(
                        "the exchangeInfo snapshot '" + missing + "' cannot be used: there is no such file. " + FIX);
        assertThatThrownBy(() -> new ExchangeInfoSnapshot("classpath:exchange-info/nope.json", FIX, clock).symbols())
                .hasMessage("the exchangeInfo snapshot 'classpath:exchange-info/nope.json' cannot be used: there is no "
                        + "such file. " + FIX);
        assertThatThrownBy(() -> new ExchangeInfoSnapshot(dir.toString(), FIX, clock).symbols())
                .hasMessageContaining("it is a directory");
        assertThatThrownBy(() -> new ExchangeInfoSnapshot(" ", FIX, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFileIsReadAgainAtEveryCallSoACorrectionNeedsNoRestart() throws IOException {
        ExchangeInfoSnapshot snapshot = snapshot("{\"symbols\": []}");
        assertThat(snapshot.lookup(List.of(BTC)).unknown()).containsExactly(BTC);

        Files.writeString(
                dir.resolve("exchangeInfo.json"), "{\"symbols\": [" + symbol("BTCUSDT", PRICE + "," + LOT) + "]}");

        assertThat(snapshot.lookup(List.of(BTC)).found())
                .extracting(Instrument::symbol)
                .containsExactly(BTC);
    }
}
