package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.localstack.LocalStackOptions.MarketData;
import dev.peregrine.localstack.LocalStackOptions.UsageException;
import dev.peregrine.localstack.LocalStackOptions.Venue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStackOptionsTest {

    private static final Path REPO = Path.of("/work/repo");

    @Test
    void defaultsResolveAgainstTheWorkingDirectory() {
        LocalStackOptions options = LocalStackOptions.parse(List.of(), REPO);

        assertThat(options.dataDir()).isEqualTo(Path.of("/work/repo/.local-stack"));
        assertThat(options.marketData())
                .as("live Binance data unless told to replay")
                .isEqualTo(MarketData.BINANCE);
        assertThat(options.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(options.replayFile()).isEqualTo(Path.of("/work/shared/data/binance/klines/BTCUSDT-15m.csv.gz"));
        assertThat(options.speed()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(options.speedText()).isEqualTo("0");
        assertThat(options.venue()).isEqualTo(Venue.PAPER);
        assertThat(options.help()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        LocalStackOptions options = LocalStackOptions.parse(
                List.of("--data-dir=/var/tmp/stack", "--replay=data/ETHUSDT-1h.csv", "--speed=60", "--venue=PAPER"),
                REPO);

        assertThat(options.dataDir()).isEqualTo(Path.of("/var/tmp/stack"));
        assertThat(options.marketData()).as("--replay selects the replay").isEqualTo(MarketData.REPLAY);
        assertThat(options.replayFile()).isEqualTo(Path.of("/work/repo/data/ETHUSDT-1h.csv"));
        assertThat(options.speedText()).isEqualTo("60");
        assertThat(options.venue()).isEqualTo(Venue.PAPER);
    }

    @Test
    void theLiveStreamsSymbolsCanBeChosen() {
        LocalStackOptions options =
                LocalStackOptions.parse(List.of("--market-data=binance", "--symbols=solusdt, BNBUSDT,SOLUSDT"), REPO);

        assertThat(options.marketData()).isEqualTo(MarketData.BINANCE);
        assertThat(options.symbols()).containsExactly("SOLUSDT", "BNBUSDT");
    }

    @Test
    void aReplayOfTheDefaultFileCanBeAskedForByName() {
        LocalStackOptions options = LocalStackOptions.parse(List.of("--market-data=REPLAY", "--speed=60"), REPO);

        assertThat(options.marketData()).isEqualTo(MarketData.REPLAY);
        assertThat(options.replayFile()).isEqualTo(Path.of("/work/shared/data/binance/klines/BTCUSDT-15m.csv.gz"));
        assertThat(LocalStackOptions.replayOption())
                .isEqualTo("--replay=../shared/data/binance/klines/BTCUSDT-15m.csv.gz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--market-data=kraken", "--market-data=live", "--market-data=file"})
    void anUnknownMarketDataSourceIsAUsageError(String arg) {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of(arg), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(
                        "--market-data must be binance (live streams), replay (a recorded file) or exchange-sim");
    }

    @Test
    void optionsOfTheOtherSourceAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--market-data=binance", "--replay=x.csv"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--replay applies to a replay");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--speed=60"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--speed applies to a replay");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--replay=x.csv", "--symbols=BTCUSDT"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--symbols applies to the live Binance streams");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--symbols=BTC-USDT", "--symbols=BTCUSDT,", "--symbols=,", "--symbols=B"})
    void badSymbolsAreAUsageError(String arg) {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of(arg), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--symbols must list Binance symbols");
    }

    @Test
    void speedKeepsItsPlainDecimalForm() {
        assertThat(replay("--speed=0.5").speedText()).isEqualTo("0.5");
        assertThat(replay("--speed=60.000").speedText()).isEqualTo("60");
        assertThat(replay("--speed=6E+1").speedText()).isEqualTo("60");
        assertThat(replay("--speed=0.00").speedText()).isEqualTo("0");
    }

    @Test
    void helpIsRecognised() {
        assertThat(LocalStackOptions.parse(List.of("--help"), REPO).help()).isTrue();
        assertThat(LocalStackOptions.USAGE)
                .contains(
                        "--data-dir=PATH",
                        "--market-data=binance",
                        "--market-data=replay",
                        "--symbols=A,B",
                        "--replay=FILE",
                        "--speed=N",
                        "--venue=paper",
                        "--help",
                        "(default BTCUSDT,ETHUSDT)",
                        "--market-data=exchange-sim",
                        "--venue=exchange-sim",
                        "--exchange-sim",
                        "http://localhost:8090",
                        "ws://localhost:8091");
    }

    @Test
    void helpNamesTheGeneratedSecretsOfTheDataDir() {
        assertThat(LocalStackOptions.USAGE)
                .contains(
                        "(default ./.local-stack)",
                        "tokens.env",
                        "postgres.pgpass",
                        "PGPASSFILE=<data-dir>/postgres.pgpass",
                        "-p 15432",
                        "kafka-credentials/",
                        "peregrine-operator.properties",
                        "--consumer.config",
                        "127.0.0.1:19092",
                        "0600");
        // the names are the files the stack writes
        assertThat(LocalStackOptions.USAGE)
                .contains(
                        KafkaCredentials.DIR_NAME + "/",
                        KafkaCredentials.OPERATOR_CLIENT_CONFIG,
                        PostgresPasswords.FILE_NAME,
                        SecurityTokens.FILE_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--speed=-1", "--speed=fast", "--speed=NaN", "--speed=", "--speed"})
    void badSpeedIsAUsageError(String arg) {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of(arg), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--speed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--venue=binance", "--venue=live", "--venue=testnet"})
    void onlyPaperTradingAndExchangeSimAreAvailableNeverARealExchange(String arg) {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of(arg), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(
                        "paper (--venue=paper) or on the bundled Binance simulator (--venue=exchange-sim)");
    }

    @Test
    void exchangeSimIsOneFlagForMarketDataAndVenueOnTheDefaultFile() {
        LocalStackOptions options = LocalStackOptions.parse(List.of("--exchange-sim"), REPO);

        assertThat(options.marketData()).isEqualTo(MarketData.EXCHANGE_SIM);
        assertThat(options.venue()).isEqualTo(Venue.EXCHANGE_SIM);
        assertThat(options.replayFile()).isEqualTo(Path.of("/work/shared/data/binance/klines/BTCUSDT-15m.csv.gz"));
        assertThat(options.speedText()).as("0: one kline a second").isEqualTo("0");
    }

    @Test
    void exchangeSimTakesTheFileAndSpeedOptions() {
        LocalStackOptions options = LocalStackOptions.parse(
                List.of("--exchange-sim", "--replay=data/ETHUSDT-1h.csv.gz", "--speed=60"), REPO);

        assertThat(options.replayFile()).isEqualTo(Path.of("/work/repo/data/ETHUSDT-1h.csv.gz"));
        assertThat(options.speedText()).isEqualTo("60");
    }

    @Test
    void exchangeSimMarketDataCanTradeOnPaperAndItsVenueImpliesItsMarketData() {
        LocalStackOptions paper = LocalStackOptions.parse(List.of("--market-data=exchange-sim"), REPO);
        assertThat(paper.marketData()).isEqualTo(MarketData.EXCHANGE_SIM);
        assertThat(paper.venue()).as("the venue stays paper unless asked").isEqualTo(Venue.PAPER);

        LocalStackOptions venue = LocalStackOptions.parse(List.of("--venue=Exchange-Sim"), REPO);
        assertThat(venue.marketData()).isEqualTo(MarketData.EXCHANGE_SIM);
        assertThat(venue.venue()).isEqualTo(Venue.EXCHANGE_SIM);
    }

    @Test
    void exchangeSimConflictsAreUsageErrors() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--venue=exchange-sim", "--market-data=replay"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --market-data=exchange-sim");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--exchange-sim", "--venue=paper"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("sets both");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--exchange-sim", "--exchange-sim"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--exchange-sim", "--symbols=BTCUSDT"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--symbols applies to the live Binance streams");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--exchange-sim=yes"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option: --exchange-sim=yes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=1", "replay.csv", "-x", "--data-dir-x=1"})
    void unknownOptionsAreRefused(String arg) {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of(arg), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option: " + arg);
    }

    @Test
    void optionsWithoutValuesOrGivenTwiceAreRefused() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--data-dir"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--replay= "), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--replay=x.csv", "--speed=1", "--speed=2"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void invalidPathsAreUsageErrors() {
        assertThatThrownBy(() -> LocalStackOptions.parse(List.of("--data-dir=a\u0000b"), REPO))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not a valid path");
    }

    private static LocalStackOptions replay(String arg) {
        return LocalStackOptions.parse(List.of("--market-data=replay", arg), REPO);
    }
}
