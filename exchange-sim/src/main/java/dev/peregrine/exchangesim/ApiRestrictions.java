package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code GET /sapi/v1/account/apiRestrictions} reports about the simulator's API key: Binance's documented
 * permission flags (wallet/account/api-key-permission) and the key's creation time.
 *
 * <p>{@link #defaults()} is a safe trading key: IP-restricted, reading and spot trading enabled, withdrawals and
 * everything else disabled. {@code enableSpotAndMarginTrading} false also makes the simulator refuse the TRADE
 * endpoints (new, test and cancel orders, order lists) with 401 -2015, as Binance does for a key without the
 * permission; the other flags are reported only.
 *
 * @param createTime when the key was created; empty means the market time when the simulator started
 * @param flags      every flag of {@link #FLAGS}, in Binance's order
 */
public record ApiRestrictions(Optional<Instant> createTime, Map<String, Boolean> flags) {

    public static final String IP_RESTRICT = "ipRestrict";
    public static final String ENABLE_READING = "enableReading";
    public static final String ENABLE_WITHDRAWALS = "enableWithdrawals";
    public static final String ENABLE_SPOT_AND_MARGIN_TRADING = "enableSpotAndMarginTrading";

    /** The boolean fields of Binance's answer, in its order ({@code createTime} comes second). */
    public static final List<String> FLAGS = List.of(
            IP_RESTRICT,
            ENABLE_READING,
            ENABLE_WITHDRAWALS,
            "enableInternalTransfer",
            "enableMargin",
            "enableFutures",
            "permitsUniversalTransfer",
            "enableVanillaOptions",
            "enableFixApiTrade",
            "enableFixReadOnly",
            ENABLE_SPOT_AND_MARGIN_TRADING,
            "enablePortfolioMarginTrading");

    public ApiRestrictions {
        Objects.requireNonNull(createTime, "createTime");
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (String flag : FLAGS) {
            ordered.put(flag, Objects.requireNonNull(flags.get(flag), () -> "the flag " + flag + " is missing"));
        }
        flags.keySet().forEach(ApiRestrictions::requireKnown);
        flags = Collections.unmodifiableMap(ordered);
    }

    /** IP-restricted, reading and spot trading enabled, withdrawals and all other permissions disabled. */
    public static ApiRestrictions defaults() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        FLAGS.forEach(flag -> flags.put(flag, false));
        flags.put(IP_RESTRICT, true);
        flags.put(ENABLE_READING, true);
        flags.put(ENABLE_SPOT_AND_MARGIN_TRADING, true);
        return new ApiRestrictions(Optional.empty(), flags);
    }

    /** The same restrictions with one flag changed, e.g. {@code with("enableWithdrawals", true)}. */
    public ApiRestrictions with(String flag, boolean value) {
        requireKnown(flag);
        Map<String, Boolean> changed = new LinkedHashMap<>(flags);
        changed.put(flag, value);
        return new ApiRestrictions(createTime, changed);
    }

    public ApiRestrictions withCreateTime(Instant time) {
        return new ApiRestrictions(Optional.of(time), flags);
    }

    public boolean flag(String name) {
        requireKnown(name);
        return flags.get(name);
    }

    /** Binance's JSON, with {@code createTime} standing in for an unset creation time. */
    String json(Instant defaultCreateTime) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put(IP_RESTRICT, flags.get(IP_RESTRICT));
        node.put("createTime", createTime.orElse(defaultCreateTime).toEpochMilli());
        flags.forEach((flag, value) -> {
            if (!flag.equals(IP_RESTRICT)) {
                node.put(flag, value);
            }
        });
        return Json.MAPPER.writeValueAsString(node);
    }

    private static void requireKnown(String flag) {
        if (!FLAGS.contains(flag)) {
            throw new IllegalArgumentException("unknown API restriction '" + flag + "'; known: " + FLAGS);
        }
    }
}
