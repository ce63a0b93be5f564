package dev.peregrine.common.json;

import dev.peregrine.common.value.Decimals;
import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads every plain {@link BigDecimal} of an event (a {@code Money} amount, a balance, a drawdown, a return) from a
 * string or a number within {@link Decimals}' bounds, so that {@code "1e999999"} or ten thousand digits are refused
 * with the field's name before anything computes with them.
 */
final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

    BoundedDecimalDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String name = parser.currentName();
                try {
                    yield Decimals.parse(name == null ? "decimal" : name, parser.getString());
                } catch (IllegalArgumentException e) {
                    yield context.reportInputMismatch(this, e.getMessage());
                }
            }
            default -> (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        };
    }
}
