package dev.peregrine.localstack;

import java.time.Duration;
import java.util.Map;

/** The table printed once the suite is up: where everything listens, where the data is, how to stop. */
final class StartupReport {

    private StartupReport() {}

    static String render(
            LocalStackOptions options,
            SecurityTokens tokens,
            PersistentKafka kafka,
            PersistentPostgres postgres,
            SimulatedExchange exchange,
            Map<SuiteService, Duration> startupTimes,
            Duration infrastructure,
            Duration total) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(118);
        text.append('\n').append(rule).append('\n');
        text.append(String.format(
                "Peregrine local stack is up in %.1f s (Kafka and PostgreSQL %.1f s)%n",
                seconds(total), seconds(infrastructure)));
        text.append(rule).append('\n');
        text.append(String.format("%-18s %-28s %-44s %s%n", "service", "API", "metrics", "health"));
        for (SuiteService service : SuiteService.values()) {
            Duration startup = startupTimes.get(service);
            text.append(String.format(
                    "%-18s %-28s %-44s %s%s%n",
                    service.serviceName(),
                    service.apiUrl(),
                    service.metricsUrl(),
                    service.healthUrl(),
                    startup == null ? "" : String.format("  (%.1f s)", seconds(startup))));
        }
        text.append(rule).append('\n');
        text.append(String.format(
                "%-18s %s (cluster %s; SASL/PLAIN, each service its own user, ACLs of TopicAccess)%n",
                "Kafka", kafka.bootstrapServers(), kafka.clusterId()));
        text.append(String.format(
                "%-18s --consumer.config %s (user %s; passwords: %s)%n",
                "Kafka tools",
                kafka.credentials().operatorClientConfig(),
                dev.peregrine.common.TopicAccess.OPERATOR,
                kafka.credentials().dir()));
        text.append(String.format(
                "%-18s %s (each service its own role; passwords: PGPASSFILE=%s)%n",
                "PostgreSQL", postgres.jdbcUrl(), postgres.passwordFile()));
        text.append(String.format("%-18s %s%n", "data dir", options.dataDir()));
        String venue = options.venue().name().toLowerCase(java.util.Locale.ROOT);
        if (options.marketData() == LocalStackOptions.MarketData.EXCHANGE_SIM) {
            text.append(renderExchange(options, exchange));
        } else if (options.marketData() == LocalStackOptions.MarketData.BINANCE) {
            text.append(String.format(
                    "%-18s Binance live streams %s %s klines, venue %s (connections: %s)%n",
                    "market data",
                    String.join(",", options.symbols()),
                    LocalStackOptions.LIVE_INTERVAL,
                    venue,
                    SuiteService.INGEST.apiUrl() + "/connections"));
        } else {
            text.append(String.format(
                    "%-18s %s at speed %s, venue %s%n", "replaying", options.replayFile(), options.speedText(), venue));
        }
        text.append(String.format(
                "%-18s %s%n",
                "API tokens",
                tokens.file()
                        .map(file -> "in " + file + " (source it: set -a; . " + file + "; set +a)")
                        .orElse("from PEREGRINE_SECURITY_OPERATOR_TOKEN / PEREGRINE_SECURITY_VIEWER_TOKEN")));
        text.append(String.format(
                "%-18s %s%n",
                "stop",
                "Ctrl-C (stops services, " + (exchange == null ? "" : "exchange-sim, ")
                        + "then Kafka, then PostgreSQL; data is kept)"));
        text.append(rule).append('\n');
        return text.toString();
    }

    /**
     * Where exchange-sim listens, what it serves and how to look at its account; the key only masked. With
     * {@code --venue=exchange-sim} execution trades on it as venue BINANCE.
     */
    static String renderExchange(LocalStackOptions options, SimulatedExchange exchange) {
        StringBuilder text = new StringBuilder();
        SimulatedExchange.Plan plan = exchange.plan();
        String venue = options.venue() == LocalStackOptions.Venue.EXCHANGE_SIM
                ? "BINANCE on exchange-sim (orders: " + SuiteService.EXECUTION.apiUrl() + "/orders)"
                : options.venue().name().toLowerCase(java.util.Locale.ROOT);
        text.append(String.format(
                "%-18s REST %s, streams %s, WebSocket API %s%n",
                "exchange-sim", exchange.restBaseUrl(), exchange.wsBaseUrl(), exchange.wsApiUrl()));
        text.append(String.format(
                "%-18s %s: recorded %s klines, served as %s klines stamped with today's clock%n",
                "", plan.file(), plan.recorded(), plan.series()));
        text.append(String.format(
                "%-18s account %s/sim/account (no key needed), API key %s made for this run%n",
                "", exchange.restBaseUrl(), exchange.key().masked()));
        text.append(String.format("%-18s exchange-sim's feed %s, venue %s%n", "market data", plan.series(), venue));
        return text.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
