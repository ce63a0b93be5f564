package dev.peregrine.exchangesim;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /sapi} (wallet) side: {@code GET /sapi/v1/account/apiRestrictions} (SIGNED, weight 1). In testnet
 * mode every {@code /sapi} path answers 404, as Binance's spot testnet has none of them.
 */
final class SapiApi {

    static final String API_RESTRICTIONS = "/sapi/v1/account/apiRestrictions";

    private final ExchangeSimulator simulator;
    private final SignedRequests signed;

    SapiApi(ExchangeSimulator simulator) {
        this.simulator = simulator;
        this.signed = new SignedRequests(simulator.config().trading());
    }

    static boolean serves(String path) {
        return path.startsWith("/sapi/");
    }

    RestServer.Response handle(
            String method,
            String path,
            Map<String, List<String>> parameters,
            Optional<String> apiKey,
            String rawQuery,
            String rawBody) {
        if (simulator.config().testnet() || !path.equals(API_RESTRICTIONS)) {
            return new RestServer.Response(404, BinanceApi.error(-1000, "Unknown endpoint " + path + "."), 0);
        }
        if (!method.equals("GET")) {
            return new RestServer.Response(
                    405, BinanceApi.error(-1000, method + " is not supported on " + path + "."), 0);
        }
        try {
            signed.verifyRequest(apiKey, rawQuery, rawBody, parameters, simulator.serverTime());
            return RestServer.Response.ok(simulator.apiRestrictions().json(simulator.serverTime()));
        } catch (TradingRefusal refusal) {
            return new RestServer.Response(
                    refusal.httpStatus(), BinanceApi.error(refusal.code(), refusal.getMessage()), 0);
        }
    }
}
