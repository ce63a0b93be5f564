/**
 * Typed values that travel in events: symbols, intervals, prices, quantities and money. Each validates
 * itself on construction, so an event that holds one never holds NaN, a negative price or a garbage
 * symbol. Prices and quantities are {@link java.math.BigDecimal}, never {@code double}.
 */
package dev.peregrine.common.value;
