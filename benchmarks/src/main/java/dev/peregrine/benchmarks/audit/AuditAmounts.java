package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.audit.AuditData.LastCandle;
import dev.peregrine.benchmarks.audit.AuditData.Order;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How the audit compares and shows amounts (to 8 decimals, within one unit of the 8th), and the money one fill moves;
 * shared by every check and the figures so that they round alike.
 */
final class AuditAmounts {

    /** Amounts are compared after rounding to 8 decimals, to within one unit of the 8th. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.00000001");

    static final MathContext RATIO = new MathContext(12, RoundingMode.HALF_EVEN);

    private AuditAmounts() {}

    /** The quote cash a fill moved: minus the notional of a BUY, plus that of a SELL, minus a quote-asset fee. */
    static BigDecimal cashFlow(AuditData.Limits limits, Order fill) {
        BigDecimal notional = fill.quantity().multiply(fill.fillPrice());
        BigDecimal flow = "BUY".equals(fill.side()) ? notional.negate() : notional;
        return limits.quoteAsset().equals(fill.feeAsset()) ? flow.subtract(fill.fee()) : flow;
    }

    /** The symbol's last close, the mark open positions are valued at; a missing one is a problem, valued at 0. */
    static BigDecimal lastClose(AuditData data, String symbol, List<String> problems) {
        LastCandle candle = data.lastCandles().get(symbol);
        if (candle == null) {
            problems.add("no candle of " + symbol + " to mark it");
            return BigDecimal.ZERO;
        }
        return candle.close();
    }

    static String baseAsset(AuditData.Limits limits, String symbol) {
        return symbol.endsWith(limits.quoteAsset())
                ? symbol.substring(0, symbol.length() - limits.quoteAsset().length())
                : symbol;
    }

    static BigDecimal round8(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN);
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return round8(a).subtract(round8(b)).abs().compareTo(TOLERANCE) <= 0;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    static String percent(BigDecimal ratio) {
        return String.format(Locale.ROOT, "%.3f %%", ratio.doubleValue() * 100);
    }
}
