package dev.peregrine.execution.config;

import dev.peregrine.execution.adapter.out.binance.AccountSnapshot;
import dev.peregrine.execution.adapter.out.binance.ApiRestrictions;
import dev.peregrine.execution.adapter.out.binance.BinanceAnswer;
import dev.peregrine.execution.adapter.out.binance.BinanceSpotRest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * What must hold before execution-service trades on Binance; any failure stops the start-up with a message that says
 * the fix. The server time offset is measured and the round trip must leave room inside {@code recvWindow}. On live
 * Binance the key's restrictions are read: a key that can withdraw, or cannot trade spot, is refused, and one without
 * an IP restriction is warned about. The spot testnet has no {@code /sapi} endpoints, so there the check is skipped
 * with a warning. The account must be allowed to trade.
 */
final class BinanceStartupChecks {

    private static final Logger log = LoggerFactory.getLogger(BinanceStartupChecks.class);
    private static final int SYNC_ATTEMPTS = 3;

    private BinanceStartupChecks() {
    }

    static void verify(BinanceSpotRest rest, boolean testnet, Duration recvWindow) {
        Objects.requireNonNull(rest, "rest");
        BinanceAnswer<Duration> synced = rest.syncClock();
        // A cold first call (TLS, connection set-up) is slow: measure again while the round trip is too long.
        for (int attempt = 1; attempt < SYNC_ATTEMPTS && synced instanceof BinanceAnswer.Ok<Duration>
                && rest.clock().lastRoundTrip().multipliedBy(2).compareTo(recvWindow) > 0; attempt++) {
            synced = rest.syncClock();
        }
        if (!(synced instanceof BinanceAnswer.Ok<Duration> offset)) {
            throw refuse("cannot read Binance's server time (GET /api/v3/time); check peregrine.execution.binance"
                    + ".rest-base-url and the network");
        }
        Duration roundTrip = rest.clock().lastRoundTrip();
        if (roundTrip.multipliedBy(2).compareTo(recvWindow) > 0) {
            throw refuse("the round trip to Binance took " + roundTrip.toMillis() + " ms, too long to keep signed "
                    + "requests inside recv-window " + recvWindow.toMillis() + " ms; raise "
                    + "peregrine.execution.binance.recv-window (at most 60s) or run closer to Binance");
        }
        log.info("Binance server time offset {} ms (round trip {} ms)", offset.value().toMillis(), roundTrip.toMillis());
        if (testnet) {
            log.warn("Binance spot testnet has no /sapi endpoints: the API key's restrictions are not checked");
        } else {
            checkKey(rest.apiRestrictions());
        }
        if (!(rest.account() instanceof BinanceAnswer.Ok<AccountSnapshot> account)) {
            throw refuse("cannot read the Binance account (GET /api/v3/account); check the API key's permissions");
        }
        if (!account.value().canTrade()) {
            throw refuse("the Binance account cannot trade (canTrade=false)");
        }
    }

    private static void checkKey(BinanceAnswer<ApiRestrictions> answer) {
        if (!(answer instanceof BinanceAnswer.Ok<ApiRestrictions> ok)) {
            throw refuse("cannot read the API key's restrictions (GET /sapi/v1/account/apiRestrictions): " + answer
                    + "; on the spot testnet set peregrine.execution.binance.testnet=true");
        }
        ApiRestrictions key = ok.value();
        if (key.enableWithdrawals()) {
            throw refuse("the API key can withdraw funds; create a key with withdrawals disabled for Peregrine");
        }
        if (!key.enableSpotAndMarginTrading()) {
            throw refuse("the API key cannot trade spot; enable 'Spot & Margin Trading' on the key");
        }
        if (!key.ipRestrict()) {
            log.warn("The Binance API key has no IP restriction: restrict it to this deployment's egress addresses");
        }
    }

    private static IllegalStateException refuse(String why) {
        return new IllegalStateException("Refusing to trade on Binance: " + why);
    }
}
