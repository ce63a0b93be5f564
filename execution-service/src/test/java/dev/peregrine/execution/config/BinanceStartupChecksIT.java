package dev.peregrine.execution.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.exchangesim.ApiRestrictions;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.execution.adapter.out.binance.BinanceCredentials;
import dev.peregrine.execution.adapter.out.binance.BinanceRestSettings;
import dev.peregrine.execution.adapter.out.binance.BinanceSpotRest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-up refuses keys that must not trade, asked of exchange-sim's {@code /sapi} over real sockets. */
class BinanceStartupChecksIT {

    private static final String API_KEY = "startupKey000000000000000000000000000000000000000000000000000Ab12";
    private static final String SECRET_KEY = "startupSecret0000000000000000000000000000000000000000000000000Zz9";
    private static final Duration RECV_WINDOW = Duration.ofSeconds(5);

    private ExchangeSimulator exchange;

    private BinanceSpotRest start(ApiRestrictions restrictions, boolean testnet) {
        Instant open = Instant.parse("2024-01-01T00:00:00Z");
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(Instrument.trading("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "5"))
                .klines(
                        "BTCUSDT",
                        KlineInterval.M1,
                        List.of(Kline.of(KlineInterval.M1, open, "100.00", "101.00", "99.50", "100.50", "3")))
                .balance("USDT", "1000")
                .apiKeys(API_KEY, SECRET_KEY)
                .apiRestrictions(restrictions)
                .testnet(testnet)
                .build());
        exchange.advance(1);
        return BinanceSpotRest.connect(
                BinanceCredentials.hmac(API_KEY, SECRET_KEY),
                BinanceRestSettings.defaults(exchange.restBaseUrl()),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    void aKeyThatCanOnlyTradeIsAccepted() {
        BinanceSpotRest rest = start(ApiRestrictions.defaults(), false);

        assertThatCode(() -> BinanceStartupChecks.verify(rest, false, RECV_WINDOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aKeyWithWithdrawalsEnabledIsRefused() {
        BinanceSpotRest rest = start(ApiRestrictions.defaults().with(ApiRestrictions.ENABLE_WITHDRAWALS, true), false);

        assertThatThrownBy(() -> BinanceStartupChecks.verify(rest, false, RECV_WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the API key can withdraw funds");
    }

    @Test
    void aKeyWithoutSpotTradingIsRefused() {
        BinanceSpotRest rest =
                start(ApiRestrictions.defaults().with(ApiRestrictions.ENABLE_SPOT_AND_MARGIN_TRADING, false), false);

        assertThatThrownBy(() -> BinanceStartupChecks.verify(rest, false, RECV_WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot trade spot");
    }

    @Test
    void onLiveBinanceAMissingSapiAnswerRefusesTheStartWhileTheTestnetSkipsTheCheck() {
        BinanceSpotRest rest = start(ApiRestrictions.defaults().with(ApiRestrictions.ENABLE_WITHDRAWALS, true), true);

        assertThatThrownBy(() -> BinanceStartupChecks.verify(rest, false, RECV_WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read the API key's restrictions");
        assertThatCode(() -> BinanceStartupChecks.verify(rest, true, RECV_WINDOW))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnreachableVenueRefusesTheStart() {
        BinanceSpotRest rest = start(ApiRestrictions.defaults(), false);
        exchange.close();
        exchange = null;

        assertThatThrownBy(() -> BinanceStartupChecks.verify(rest, false, RECV_WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read Binance's server time");
    }
}
