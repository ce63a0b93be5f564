package dev.peregrine.common.id;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Business ids derived from what they identify (name-based UUID, version 3). The same candle and
 * strategy always give the same signal id, so a redelivered message is recognised as a duplicate and a
 * replay of the same input gives the same ids.
 */
public final class DerivedIds {

    private DerivedIds() {}

    public static UUID from(String kind, Object... parts) {
        StringBuilder name = new StringBuilder(kind);
        for (Object part : parts) {
            name.append('|').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
