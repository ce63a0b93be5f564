package dev.peregrine.risk.domain.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The portfolio's arithmetic rules in one place: sums and products stay exact; the only divisions (a share of
 * a position's cost, an average) are taken to 18 decimals, the most a Peregrine decimal carries; what is shown
 * or published is rounded to 8 decimals, the precision Binance uses for assets.
 */
public final class Money18 {

    public static final int EXACT_SCALE = 18;
    public static final int SHOWN_SCALE = 8;

    private Money18() {}

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return trim(dividend.divide(divisor, EXACT_SCALE, RoundingMode.HALF_EVEN));
    }

    /** Rounded half-even to 8 decimals, trailing zeros dropped. */
    public static BigDecimal shown(BigDecimal value) {
        return trim(value.setScale(SHOWN_SCALE, RoundingMode.HALF_EVEN));
    }

    /** Trailing zeros dropped, never an exponent above zero (10, not 1E+1). */
    public static BigDecimal trim(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Products of two 8-decimal values have 16: kept exact, but capped at 18 in case inputs carry more. */
    public static BigDecimal capScale(BigDecimal value) {
        return value.scale() > EXACT_SCALE ? value.setScale(EXACT_SCALE, RoundingMode.HALF_EVEN) : value;
    }
}
