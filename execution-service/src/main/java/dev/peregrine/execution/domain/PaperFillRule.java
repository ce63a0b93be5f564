package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * How the paper venue executes, on closed candles only (it never sees prices inside a candle).
 *
 * <p><b>Market orders</b> (entries and exits) fill completely at the open of the first candle of their symbol
 * that opens strictly after the order's {@code notBefore} (the signal candle's close): the next candle's open,
 * moved against the order by the slippage ({@code slippageBps} basis points: a BUY pays open x (1 + bps/10000),
 * a SELL gets open x (1 - bps/10000)), rounded to {@value #PRICE_SCALE} decimals against the order and clamped
 * to the candle's [low, high]: no fill is ever outside what traded in the candle.
 *
 * <p><b>The protective pair</b> (a stop and a take-profit resting as one-cancels-the-other after an entry
 * fills) is evaluated on every candle from the entry's fill candle on, that one included: the entry bought at
 * its open, so its high and low happened while the pair was resting (the conservative reading). On a candle
 * whose low reaches the stop, the stop fills (a stop-market sell) at the stop, or at the open if the candle
 * opened below it (a gap), minus the slippage, clamped to the range. Otherwise, on a candle whose high reaches
 * the take-profit, the take-profit fills (a resting limit sell, no slippage) at the take-profit, or at the open
 * if the candle opened above it. A candle that reaches both fills the stop: which came first inside the
 * candle is unknown, and assuming the loss is the conservative choice.
 *
 * <p>The fee is quantity x fill price x fee rate in the configured fee asset, rounded half-up to 8 decimals
 * (the precision Binance reports fees in).
 */
public record PaperFillRule(BigDecimal feeRate, String feeAsset, BigDecimal slippageBps) {

    public static final int FEE_SCALE = 8;
    /** Fill prices carry at most this many decimals (Binance quotes at most 8). */
    public static final int PRICE_SCALE = 8;

    private static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

    public PaperFillRule {
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(slippageBps, "slippageBps");
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException("feeRate must not be negative: " + feeRate.toPlainString());
        }
        if (slippageBps.signum() < 0 || slippageBps.compareTo(BPS_PER_UNIT) >= 0) {
            throw new IllegalArgumentException(
                    "slippageBps must be within 0..10000 (exclusive): " + slippageBps.toPlainString());
        }
    }

    /** Whether a market order (entry or exit) would execute on this candle. */
    public boolean executesOn(OrderTerms terms, MarketCandle candle) {
        return terms.type() == OrderType.MARKET
                && !terms.role().isProtective()
                && terms.symbol().equals(candle.symbol())
                && candle.openTime().isAfter(terms.notBefore());
    }

    /** The fill of a market order on {@code candle}, which must be the first of its symbol after {@code notBefore}. */
    public Fill fillOn(OrderTerms terms, MarketCandle candle) {
        if (!executesOn(terms, candle)) {
            throw new IllegalArgumentException("order " + terms.clientOrderId() + " (" + terms.type() + " "
                    + terms.purpose() + " " + terms.symbol() + ", not before " + terms.notBefore()
                    + ") does not execute on the " + candle.symbol() + " candle opening at " + candle.openTime());
        }
        return fill(terms.quantity(), slipped(terms.side(), candle.open(), candle), candle, candle.open());
    }

    /**
     * Which leg of a resting pair with these levels {@code candle} fills, if any: the stop when the low reaches
     * it (even if the high reaches the take-profit too), else the take-profit when the high reaches it.
     */
    public Optional<OrderPurpose> triggeredLeg(OrderRole pair, MarketCandle candle) {
        if (pair.stop().filter(stop -> candle.low().compareTo(stop) <= 0).isPresent()) {
            return Optional.of(OrderPurpose.STOP_LOSS);
        }
        if (pair.target().filter(target -> candle.high().compareTo(target) >= 0).isPresent()) {
            return Optional.of(OrderPurpose.TAKE_PROFIT);
        }
        return Optional.empty();
    }

    /**
     * The fill of a protective leg on {@code candle}, if the candle may execute it (its symbol, opening at or after
     * the leg's notBefore) and fills this leg rather than the other one or none.
     */
    public Optional<Fill> protectiveFillOn(OrderTerms leg, MarketCandle candle) {
        if (!leg.role().isProtective()
                || !leg.symbol().equals(candle.symbol())
                || candle.openTime().isBefore(leg.notBefore())
                || triggeredLeg(leg.role(), candle)
                        .filter(leg.purpose()::equals)
                        .isEmpty()) {
            return Optional.empty();
        }
        Price open = candle.open();
        if (leg.purpose() == OrderPurpose.STOP_LOSS) {
            Price stop = leg.role().stopLoss();
            Price triggered = open.compareTo(stop) < 0 ? open : stop;
            return Optional.of(fill(leg.quantity(), slipped(Side.SELL, triggered, candle), candle, triggered));
        }
        Price target = leg.role().takeProfit();
        Price limit = open.compareTo(target) > 0 ? open : target;
        return Optional.of(fill(leg.quantity(), candle.clamp(limit), candle, limit));
    }

    /**
     * {@code reference} moved against an order of {@code side} by the slippage, rounded to {@value #PRICE_SCALE}
     * decimals against it (up for a BUY, down for a SELL) and clamped to the candle's range.
     */
    public Price slipped(Side side, Price reference, MarketCandle candle) {
        if (slippageBps.signum() == 0) {
            return candle.clamp(reference);
        }
        BigDecimal move = slippageBps.divide(BPS_PER_UNIT);
        BigDecimal factor = side == Side.BUY ? BigDecimal.ONE.add(move) : BigDecimal.ONE.subtract(move);
        BigDecimal price = reference.value().multiply(factor);
        if (price.scale() > PRICE_SCALE) {
            price = price.setScale(PRICE_SCALE, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
        }
        return candle.clamp(Price.of(price));
    }

    public Money fee(Quantity quantity, Price price) {
        BigDecimal amount =
                quantity.value().multiply(price.value()).multiply(feeRate).setScale(FEE_SCALE, RoundingMode.HALF_UP);
        return new Money(amount, feeAsset);
    }

    private Fill fill(Quantity quantity, Price price, MarketCandle candle, Price reference) {
        return new Fill(price, fee(quantity, price), candle.openTime(), reference);
    }
}
