package dev.peregrine.benchmarks.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Binance messages and kline lines made up when the real captures and kline files are absent, and for what the
 * captures lack: they hold no klines, so closed-kline messages are always generated here. Deterministic (seeded)
 * and shaped like the real thing: per second and symbol about the BTCUSDT capture's rates (81 book tickers,
 * 28 trades, 10 depth updates), a 1m kline update every 2 s and the closed kline at each minute's end, prices with
 * Binance's 8 decimals, and candles whose close is the minute's last trade, so that no quality rule fires
 * except by chance (PRICE_JUMP).
 */
public final class GeneratedMarketData {

    /** A message as it arrived: the receive time is what the quality stage judges staleness by. */
    public record TimedMessage(Instant receivedAt, String message) {}

    private static final long TICK_MILLIS = 100;
    private static final long MINUTE_MILLIS = 60_000;
    private static final long SATOSHI = 100_000_000L;

    private GeneratedMarketData() {}

    /**
     * A combined stream ({@code {"stream":...,"data":...}}) of trades, book tickers, depth updates and 1m klines for
     * {@code symbols}, {@code length} long from {@code start} (a whole minute), in receive order.
     */
    public static List<TimedMessage> combinedStream(List<String> symbols, Instant start, Duration length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Market> markets = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            markets.add(new Market(symbols.get(i), startPriceCents(i), start.toEpochMilli()));
        }
        List<TimedMessage> out = new ArrayList<>();
        long from = start.toEpochMilli();
        long to = from + length.toMillis();
        for (long tick = from; tick < to; tick += TICK_MILLIS) {
            for (Market market : markets) {
                market.tick(tick, random, out);
            }
        }
        out.sort(Comparator.comparing(TimedMessage::receivedAt));
        return out;
    }

    /**
     * Closed 1m klines only, {@code perSymbol} consecutive minutes for each symbol, interleaved minute by minute:
     * every message is a candle to judge, store and publish.
     */
    public static List<TimedMessage> closedKlines(List<String> symbols, Instant start, int perSymbol, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] close = new long[symbols.size()];
        for (int i = 0; i < symbols.size(); i++) {
            close[i] = startPriceCents(i);
        }
        List<TimedMessage> out = new ArrayList<>(symbols.size() * perSymbol);
        long firstTradeId = 1_000_000;
        for (int minute = 0; minute < perSymbol; minute++) {
            long openTime = start.toEpochMilli() + minute * MINUTE_MILLIS;
            for (int i = 0; i < symbols.size(); i++) {
                Bar bar = Bar.random(close[i], random);
                close[i] = bar.close;
                long trades = 200 + random.nextInt(2_000);
                String json = klineJson(
                        symbols.get(i),
                        openTime,
                        openTime + MINUTE_MILLIS,
                        bar,
                        firstTradeId,
                        firstTradeId + trades - 1,
                        trades,
                        true);
                firstTradeId += trades;
                out.add(new TimedMessage(Instant.ofEpochMilli(openTime + MINUTE_MILLIS + 5), json));
            }
        }
        return out;
    }

    /** Kline CSV lines in Binance's column order, {@code count} consecutive candles of {@code intervalMillis}. */
    public static List<String> klineCsvLines(Instant start, long intervalMillis, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(count);
        long close = startPriceCents(0);
        for (int i = 0; i < count; i++) {
            long openTime = start.toEpochMilli() + i * intervalMillis;
            Bar bar = Bar.random(close, random);
            close = bar.close;
            lines.add(openTime + "," + price(bar.open) + "," + price(bar.high) + "," + price(bar.low) + ","
                    + price(bar.close) + "," + amount(bar.volumeSats) + "," + (openTime + intervalMillis - 1) + ","
                    + amount(bar.quoteVolumeSats) + "," + (500 + random.nextInt(40_000)) + ","
                    + amount(bar.takerBaseSats) + "," + amount(bar.takerQuoteSats));
        }
        return lines;
    }

    private static long startPriceCents(int index) {
        return switch (index % 5) {
            case 0 -> 6_183_763L;
            case 1 -> 265_412L;
            case 2 -> 15_288L;
            case 3 -> 51_230L;
            default -> 6_230L;
        };
    }

    /** One symbol's book, trades and the 1m kline being built. */
    private static final class Market {

        private final String symbol;
        private final String stream;
        private long priceCents;
        private long tradeId = 3_735_683_259L;
        private long updateId = 50_093_239_189L;
        private long klineOpenTime;
        private final Bar kline = new Bar();
        private long klineFirstTrade = -1;
        private long klineTrades;

        Market(String symbol, long priceCents, long start) {
            this.symbol = symbol;
            this.stream = symbol.toLowerCase(Locale.ROOT);
            this.priceCents = priceCents;
            this.klineOpenTime = start - Math.floorMod(start, MINUTE_MILLIS);
            kline.reset(priceCents);
        }

        void tick(long tick, SplittableRandom random, List<TimedMessage> out) {
            if (tick - klineOpenTime >= MINUTE_MILLIS) {
                closeKline(tick, out);
            }
            if (Math.floorMod(tick, 2_000) == 0) {
                out.add(at(
                        tick + 1,
                        klineJson(
                                symbol,
                                klineOpenTime,
                                klineOpenTime + MINUTE_MILLIS,
                                kline,
                                Math.max(klineFirstTrade, 0),
                                tradeId - 1,
                                klineTrades,
                                false)));
            }
            int trades = 2 + (random.nextInt(10) < 8 ? 1 : 0);
            for (int i = 0; i < trades; i++) {
                long time = tick + 2 + i * 30L + random.nextInt(25);
                priceCents = Math.max(1, priceCents + random.nextInt(-3, 4));
                long quantity = 1_000 + random.nextLong(50_000_000);
                boolean buyerIsMaker = random.nextBoolean();
                kline.trade(priceCents, quantity, !buyerIsMaker);
                if (klineFirstTrade < 0) {
                    klineFirstTrade = tradeId;
                }
                klineTrades++;
                out.add(at(
                        time,
                        "{\"stream\":\"" + stream + "@trade\",\"data\":{\"e\":\"trade\",\"E\":" + (time + 1)
                                + ",\"s\":\"" + symbol + "\",\"t\":" + tradeId++ + ",\"p\":\"" + price(priceCents)
                                + "\",\"q\":\"" + amount(quantity) + "\",\"T\":" + time + ",\"m\":" + buyerIsMaker
                                + ",\"M\":true}}"));
            }
            int tickers = 8 + (random.nextInt(10) == 0 ? 1 : 0);
            for (int i = 0; i < tickers; i++) {
                long time = tick + 3 + i * 12L;
                out.add(at(
                        time,
                        "{\"stream\":\"" + stream + "@bookTicker\",\"data\":{\"u\":" + updateId++
                                + ",\"s\":\"" + symbol + "\",\"b\":\"" + price(priceCents) + "\",\"B\":\""
                                + amount(1_000 + random.nextLong(500_000_000)) + "\",\"a\":\"" + price(priceCents + 1)
                                + "\",\"A\":\"" + amount(1_000 + random.nextLong(500_000_000)) + "\"}}"));
            }
            long first = updateId;
            updateId += 1 + random.nextInt(20);
            StringBuilder depth = new StringBuilder(512)
                    .append("{\"stream\":\"")
                    .append(stream)
                    .append("@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":")
                    .append(tick + 99)
                    .append(",\"s\":\"")
                    .append(symbol)
                    .append("\",\"U\":")
                    .append(first)
                    .append(",\"u\":")
                    .append(updateId - 1)
                    .append(",\"b\":[");
            levels(depth, priceCents, -1, 1 + random.nextInt(6), random);
            depth.append("],\"a\":[");
            levels(depth, priceCents + 1, 1, 1 + random.nextInt(10), random);
            depth.append("]}}");
            out.add(at(tick + 99, depth.toString()));
        }

        private void closeKline(long tick, List<TimedMessage> out) {
            out.add(at(
                    tick,
                    klineJson(
                            symbol,
                            klineOpenTime,
                            klineOpenTime + MINUTE_MILLIS,
                            kline,
                            Math.max(klineFirstTrade, 0),
                            tradeId - 1,
                            klineTrades,
                            true)));
            klineOpenTime += MINUTE_MILLIS;
            kline.reset(priceCents);
            klineFirstTrade = -1;
            klineTrades = 0;
        }

        private static void levels(
                StringBuilder json, long fromCents, int direction, int count, SplittableRandom random) {
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    json.append(',');
                }
                long quantity = random.nextInt(4) == 0 ? 0 : random.nextLong(300_000_000);
                json.append("[\"")
                        .append(price(fromCents + direction * (long) random.nextInt(0, 50_000)))
                        .append("\",\"")
                        .append(amount(quantity))
                        .append("\"]");
            }
        }

        private static TimedMessage at(long epochMillis, String json) {
            return new TimedMessage(Instant.ofEpochMilli(epochMillis), json);
        }
    }

    /** A kline's values in cents and satoshis, so that they add up exactly. */
    private static final class Bar {

        private long open;
        private long high;
        private long low;
        private long close;
        private long volumeSats;
        private long quoteVolumeSats;
        private long takerBaseSats;
        private long takerQuoteSats;

        static Bar random(long previousClose, SplittableRandom random) {
            Bar bar = new Bar();
            bar.reset(previousClose);
            int trades = 20 + random.nextInt(20);
            long price = previousClose;
            for (int i = 0; i < trades; i++) {
                long step = Math.max(1, previousClose / 2_000);
                price = Math.max(1, price + random.nextLong(-step, step + 1));
                bar.trade(price, 1_000 + random.nextLong(20_000_000), random.nextBoolean());
            }
            return bar;
        }

        void reset(long openCents) {
            open = high = low = close = openCents;
            volumeSats = quoteVolumeSats = takerBaseSats = takerQuoteSats = 0;
        }

        void trade(long priceCents, long quantitySats, boolean takerBuy) {
            high = Math.max(high, priceCents);
            low = Math.min(low, priceCents);
            close = priceCents;
            volumeSats += quantitySats;
            // In satoshis of the quote asset, rounded down per trade, so the taker part never exceeds the whole.
            long quote = Math.multiplyExact(priceCents, quantitySats) / 100;
            quoteVolumeSats += quote;
            if (takerBuy) {
                takerBaseSats += quantitySats;
                takerQuoteSats += quote;
            }
        }
    }

    private static String klineJson(
            String symbol,
            long openTime,
            long nextOpenTime,
            Bar bar,
            long firstTrade,
            long lastTrade,
            long trades,
            boolean closed) {
        String stream = symbol.toLowerCase(Locale.ROOT);
        long closeTime = nextOpenTime - 1;
        return "{\"stream\":\"" + stream + "@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":"
                + (closed ? nextOpenTime : openTime + 1)
                + ",\"s\":\"" + symbol + "\",\"k\":{\"t\":" + openTime + ",\"T\":" + closeTime + ",\"s\":\"" + symbol
                + "\",\"i\":\"1m\",\"f\":" + firstTrade + ",\"L\":" + lastTrade + ",\"o\":\"" + price(bar.open)
                + "\",\"c\":\"" + price(bar.close) + "\",\"h\":\"" + price(bar.high) + "\",\"l\":\"" + price(bar.low)
                + "\",\"v\":\"" + amount(bar.volumeSats) + "\",\"n\":" + trades + ",\"x\":" + closed + ",\"q\":\""
                + amount(bar.quoteVolumeSats) + "\",\"V\":\"" + amount(bar.takerBaseSats) + "\",\"Q\":\""
                + amount(bar.takerQuoteSats) + "\",\"B\":\"0\"}}}";
    }

    /** Cents as Binance writes prices: 61837.63000000. */
    static String price(long cents) {
        return cents / 100 + "." + twoDigits(cents % 100) + "000000";
    }

    /** Satoshis (1e-8) as Binance writes quantities: 0.02000000. */
    static String amount(long sats) {
        String fraction = Long.toString(sats % SATOSHI);
        return sats / SATOSHI + "." + "0".repeat(8 - fraction.length()) + fraction;
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
