package dev.peregrine.common.value;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of one asset (e.g. {@code 12.5 USDT}), within {@link Decimals}' bounds. May be negative: a loss or a
 * debit is money too.
 */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");

    public Money {
        Decimals.check("money amount", amount);
        Objects.requireNonNull(currency, "currency must not be null");
        if (!ASSET.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an asset code like USDT: '" + currency + "'");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(Decimals.parse("money amount", amount), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
