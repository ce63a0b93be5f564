package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The account's money: balances, fills and their commission, the slippage of a taker price. BigDecimal
 * throughout, quote amounts and commissions rounded half-up to 8 decimals. Guarded by the engine's lock.
 */
final class Settlement {

    private final TradingConfig config;
    private final Function<String, Optional<Instrument>> instruments;
    private final Balances balances;
    private final List<SpotTrade> trades = new ArrayList<>();
    private long nextTradeId = 1;

    Settlement(TradingConfig config, Function<String, Optional<Instrument>> instruments) {
        this.config = config;
        this.instruments = instruments;
        this.balances = new Balances(config.balances());
    }

    Balances balances() {
        return balances;
    }

    List<SpotTrade> trades() {
        return trades;
    }

    /** The current amounts of the assets a change on this symbol may have touched (its base and quote asset). */
    Map<String, Balances.Amounts> amountsOf(String symbol) {
        Instrument instrument = instruments.apply(symbol).orElseThrow();
        Map<String, Balances.Amounts> amounts = new TreeMap<>();
        amounts.put(instrument.baseAsset(), balances.of(instrument.baseAsset()));
        amounts.put(instrument.quoteAsset(), balances.of(instrument.quoteAsset()));
        return amounts;
    }

    /** The market price moved by the slippage against the trader, rounded to the tick against the trader. */
    BigDecimal slipped(BigDecimal market, SpotOrder.Side side, BigDecimal tickSize) {
        if (config.slippage().signum() == 0) {
            return market;
        }
        boolean buy = side == SpotOrder.Side.BUY;
        BigDecimal moved = market.multiply(
                buy ? BigDecimal.ONE.add(config.slippage()) : BigDecimal.ONE.subtract(config.slippage()));
        BigDecimal ticks = moved.divide(tickSize, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.multiply(tickSize);
    }

    /** What the order needs of its paying asset: the quote cost of a BUY (plus a quote commission), a SELL's quantity. */
    BigDecimal cost(SpotOrder.Side side, BigDecimal price, BigDecimal quantity, BigDecimal commissionRate) {
        if (side == SpotOrder.Side.SELL) {
            return quantity;
        }
        BigDecimal quote = quoteAmount(price, quantity);
        return config.commissionAsset() == TradingConfig.CommissionAsset.QUOTE
                ? quote.add(commission(quote, commissionRate))
                : quote;
    }

    void requireFree(String asset, BigDecimal amount) {
        if (!balances.covers(asset, amount)) {
            throw TradingRefusal.insufficientBalance();
        }
    }

    /** Fills the whole remaining quantity of an order at {@code price}, moving the balances; returns the trade. */
    SpotTrade fill(SpotOrder order, BigDecimal price, boolean maker, Instant at) {
        Instrument instrument = instruments.apply(order.symbol()).orElseThrow();
        BigDecimal quantity = order.origQty().subtract(order.executedQty());
        BigDecimal quote = quoteAmount(price, quantity);
        BigDecimal rate = maker ? config.makerCommission() : config.takerCommission();
        if (order.locked().signum() > 0) {
            balances.unlock(order.lockedAsset(), order.locked());
        }
        BigDecimal commission;
        String commissionAsset;
        if (order.side() == SpotOrder.Side.BUY) {
            if (config.commissionAsset() == TradingConfig.CommissionAsset.RECEIVED) {
                commission = commission(quantity, rate);
                commissionAsset = instrument.baseAsset();
                balances.debit(instrument.quoteAsset(), quote);
                balances.credit(instrument.baseAsset(), quantity.subtract(commission));
            } else {
                commission = commission(quote, rate);
                commissionAsset = instrument.quoteAsset();
                balances.debit(instrument.quoteAsset(), quote.add(commission));
                balances.credit(instrument.baseAsset(), quantity);
            }
        } else {
            commission = commission(quote, rate);
            commissionAsset = instrument.quoteAsset();
            balances.debit(instrument.baseAsset(), quantity);
            balances.credit(instrument.quoteAsset(), quote.subtract(commission));
        }
        SpotTrade trade = new SpotTrade(
                nextTradeId++,
                order.orderId(),
                order.orderListId(),
                order.symbol(),
                price,
                quantity,
                quote,
                commission,
                commissionAsset,
                at,
                order.side() == SpotOrder.Side.BUY,
                maker);
        trades.add(trade);
        return trade;
    }

    static BigDecimal quoteAmount(BigDecimal price, BigDecimal quantity) {
        return price.multiply(quantity).setScale(MatchingEngine.SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal commission(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(MatchingEngine.SCALE, RoundingMode.HALF_UP);
    }
}
