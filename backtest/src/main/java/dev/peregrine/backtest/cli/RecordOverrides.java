package dev.peregrine.backtest.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies a YAML mapping to a configuration record: each key names a record component (kebab-case or camelCase),
 * a nested mapping overrides a nested record, every other component keeps its default. An unknown key, a value of
 * the wrong type or one the record's own checks refuse is a {@link UsageException} naming the key.
 */
public final class RecordOverrides {

    private RecordOverrides() {
    }

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
        for (Map.Entry<String, Object> entry : overrides.entrySet()) {
            String key = String.valueOf(entry.getKey());
            int index = indexOf(components, key);
            if (index < 0) {
                throw new UsageException("unknown configuration key " + prefix + key + " (known"
                        + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1)) + ": "
                        + Arrays.stream(components).map(c -> kebab(c.getName())).collect(Collectors.joining(", "))
                        + ")");
            }
            values[index] = convert(components[index].getType(), values[index], entry.getValue(), prefix + key);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new UsageException("configuration " + (prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1) + " ")
                    + "refused: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object read(RecordComponent component, Record record) {
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
            if (components[i].getName().equals(key) || kebab(components[i].getName()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, Object current, Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            if (current instanceof Record record) {
                return apply(record, (Map<String, Object>) map, key + ".");
            }
            throw new UsageException("configuration key " + key + " takes a single value, not a mapping");
        }
        if (current instanceof Record) {
            throw new UsageException("configuration key " + key + " takes a mapping of keys, not '" + value + "'");
        }
        if (value == null) {
            throw new UsageException("configuration key " + key + " has no value");
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
            } else if (type == String.class) {
                return text;
            } else if (type == Duration.class) {
                return DurationText.parse(text);
            } else if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("configuration key " + key + ": '" + text + "' is not a valid "
                    + (type.isEnum() ? "value (one of " + Arrays.toString(type.getEnumConstants()) + ")"
                    : type.getSimpleName()));
        }
        throw new UsageException("configuration key " + key + " (" + type.getSimpleName()
                + ") cannot be set from the configuration file");
    }
}
