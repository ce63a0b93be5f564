package dev.peregrine.backtest.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies a YAML mapping to a configuration record: each key names a record component (kebab-case or camelCase),
 * a nested mapping overrides a nested record, every other component keeps its default. An unknown key, a value of
 * the wrong type or one the record's own checks refuse is a {@link UsageException} naming the key.
 */
public final class RecordOverrides {

    private RecordOverrides() {}

    public static <T extends Record> T apply(T defaults, Map<String, Object> overrides) {
        return apply(defaults, overrides, "");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> T apply(T defaults, Map<String, Object> overrides, String prefix) {
        Class<T> type = (Class<T>) defaults.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], defaults);
        }
        return build(type, values, overrides, prefix);
    }

    /** A record the defaults leave out (null): built from the file's keys alone, the others null, 0 or false. */
    private static Object fresh(Class<?> type, Map<String, Object> overrides, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = zero(components[i].getType());
        }
        return build(type, values, overrides, prefix);
    }

    /** Java's default value of a field of this type (a mixed ternary would promote the boxed numbers). */
    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == double.class) {
            return 0.0d;
        }
        if (type == long.class) {
            return 0L;
        }
        return 0;
    }

    private static <T> T build(Class<T> type, Object[] values, Map<String, Object> overrides, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        for (Map.Entry<String, Object> entry : overrides.entrySet()) {
            String key = String.valueOf(entry.getKey());
            int index = indexOf(components, key);
            if (index < 0) {
                throw new UsageException("unknown configuration key " + prefix + key + " (known"
                        + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1)) + ": "
                        + Arrays.stream(components).map(c -> kebab(c.getName())).collect(Collectors.joining(", "))
                        + ")");
            }
            values[index] = convert(components[index], values[index], entry.getValue(), prefix + key);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new UsageException(
                    "configuration " + (prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + " ")
                            + "refused: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    static Object read(RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static int indexOf(RecordComponent[] components, String key) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(key)
                    || kebab(components[i].getName()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Object convert(RecordComponent component, Object current, Object value, String key) {
        Class<?> type = component.getType();
        if (type.isRecord()) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new UsageException("configuration key " + key + " takes a mapping of keys, not '" + value + "'");
            }
            return current instanceof Record record
                    ? apply(record, (Map<String, Object>) map, key + ".")
                    : fresh(type, (Map<String, Object>) map, key + ".");
        }
        if (Map.class.isAssignableFrom(type)) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new UsageException("configuration key " + key + " takes a mapping of keys, not '" + value + "'");
            }
            Class<?> valueType = typeArgument(component, 1);
            Map<String, Object> merged =
                    new LinkedHashMap<>(current == null ? Map.of() : (Map<String, Object>) current);
            map.forEach((k, v) -> merged.put(String.valueOf(k), scalar(valueType, v, key + "." + k)));
            return merged;
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            throw new UsageException(
                    "configuration key " + key + " is a list, which the configuration file cannot set");
        }
        if (value instanceof Map<?, ?>) {
            throw new UsageException("configuration key " + key + " takes a single value, not a mapping");
        }
        return scalar(type, value, key);
    }

    private static Class<?> typeArgument(RecordComponent component, int index) {
        if (component.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
            return argument;
        }
        return Object.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object scalar(Class<?> type, Object value, String key) {
        if (value == null) {
            throw new UsageException("configuration key " + key + " has no value");
        }
        if (value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
            throw new UsageException("configuration key " + key + " takes a single value");
        }
        String text = String.valueOf(value).trim();
        try {
            if (type == BigDecimal.class) {
                return new BigDecimal(text);
            } else if (type == int.class || type == Integer.class) {
                return Integer.parseInt(text);
            } else if (type == long.class || type == Long.class) {
                return Long.parseLong(text);
            } else if (type == double.class || type == Double.class) {
                return Double.parseDouble(text);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException();
                }
                return Boolean.parseBoolean(text);
            } else if (type == String.class || type == Object.class) {
                return text;
            } else if (type == Duration.class) {
                return DurationText.parse(text);
            } else if (type.isEnum()) {
                return Enum.valueOf(
                        (Class<Enum>) type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new UsageException("configuration key " + key + ": '" + text + "' is not a valid "
                    + (type.isEnum()
                            ? "value (one of " + Arrays.toString(type.getEnumConstants()) + ")"
                            : type.getSimpleName()));
        }
        throw new UsageException("configuration key " + key + " (" + type.getSimpleName()
                + ") cannot be set from the configuration file");
    }
}
