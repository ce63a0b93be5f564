package dev.peregrine.execution.config;

import dev.peregrine.execution.adapter.out.binance.AccountSnapshot;
import dev.peregrine.execution.adapter.out.binance.ApiRestrictions;
import dev.peregrine.execution.adapter.out.binance.BinanceAnswer;
import dev.peregrine.execution.adapter.out.binance.BinanceSpotRest;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before execution-service trades on Binance; any failure stops the start-up with a message that says
 * the fix. The server time offset is measured and the round trip must leave room inside {@code recvWindow}. On live
 * Binance the key's restrictions are read: a key that can withdraw, or cannot trade spot, is refused, and one without
 * an IP restriction is warned about. The spot testnet has no {@code /sapi} endpoints, so there the check is skipped
 * with a warning. The account must be allowed to trade.
 */
final class BinanceStartupChecks {

    private static final Logger log = LoggerFactory.getLogger(BinanceStartupChecks.class);
    private static final int MAX_SYNC_ATTEMPTS = 10;
    private static final int MAX_UNANSWERED = 3;
    private static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(3);

    private BinanceStartupChecks() {}

    static void verify(BinanceSpotRest rest, boolean testnet, Duration recvWindow) {
        Objects.requireNonNull(rest, "rest");
        BinanceAnswer<Duration> synced = syncClock(rest, recvWindow);
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
        log.info(
                "Binance server time offset {} ms (round trip {} ms)",
                offset.value().toMillis(),
                roundTrip.toMillis());
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

    /**
     * Measures the clock offset, again while the round trip is too long (a cold first call sets up the connection),
     * after a 429/418 once its Retry-After has passed (up to {@link #MAX_RATE_LIMIT_WAIT} in all), and after an
     * unanswered call a few times: a restart during a rate-limit ban waits it out instead of exiting.
     */
    private static BinanceAnswer<Duration> syncClock(BinanceSpotRest rest, Duration recvWindow) {
        Duration waited = Duration.ZERO;
        int unanswered = 0;
        BinanceAnswer<Duration> synced = rest.syncClock();
        for (int attempt = 1; attempt < MAX_SYNC_ATTEMPTS; attempt++) {
            Duration pause;
            if (synced instanceof BinanceAnswer.Ok<Duration>) {
                if (rest.clock().lastRoundTrip().multipliedBy(2).compareTo(recvWindow) <= 0) {
                    return synced;
                }
                pause = Duration.ZERO;
            } else if (synced instanceof BinanceAnswer.RateLimited<Duration> limited) {
                pause = limited.retryAfter().orElse(Duration.ofSeconds(1));
                if (waited.plus(pause).compareTo(MAX_RATE_LIMIT_WAIT) > 0) {
                    return synced;
                }
                log.warn(
                        "Binance rate-limits this client (HTTP {}); waiting {} s before measuring its clock again",
                        limited.httpStatus(),
                        pause.toSeconds());
            } else if (++unanswered < MAX_UNANSWERED) {
                pause = Duration.ofSeconds(1);
            } else {
                return synced;
            }
            pause(pause);
            waited = waited.plus(pause);
            synced = rest.syncClock();
        }
        return synced;
    }

    private static void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refuse("interrupted while waiting for Binance");
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
