package dev.peregrine.benchmarks.ingest;

import dev.peregrine.common.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of its own on {@code market.candles.v1} and {@code market.quality.v1}, positioned at their ends
 * before anything is replayed: it counts what arrives and records each candle's publish lag, its receive time
 * minus its envelope's {@code processingTime} (stamped by ingest just before the batch is sent; same JVM, same
 * clock). Records whose key the {@code ignored} predicate accepts (the warm-up symbol) are counted apart.
 *
 * <p>Only the {@code processingTime} text is read out of each record's bytes rather than decoding the whole event
 * (or even making it a string): the consumer shares the machine's cores with ingest and should cost it as little as
 * possible.
 */
final class TopicMeter implements AutoCloseable {

    private static final byte[] PROCESSING_TIME = "\"processingTime\":\"".getBytes(StandardCharsets.US_ASCII);
    /** Lags are recorded in microseconds, up to an hour, to three significant digits. */
    private static final long MAX_LAG_MICROS = TimeUnit.HOURS.toMicros(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Predicate<String> ignored;
    private final Recorder lag = new Recorder(MAX_LAG_MICROS, 3);
    private final AtomicLong candles = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();
    private final AtomicLong ignoredRecords = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile boolean running = true;
    private final Thread thread;

    private TopicMeter(KafkaConsumer<String, byte[]> consumer, Predicate<String> ignored) {
        this.consumer = consumer;
        this.ignored = ignored;
        this.thread = Thread.ofPlatform().name("topic-meter").daemon(true).unstarted(this::poll);
    }

    static TopicMeter start(String bootstrapServers, Predicate<String> ignored) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2_000,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "benchmark-topic-meter",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.MARKET_CANDLES, Topics.MARKET_QUALITY)) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolves the end offsets now, so that nothing published from here on is skipped.
        partitions.forEach(consumer::position);
        TopicMeter meter = new TopicMeter(consumer, ignored);
        meter.thread.start();
        return meter;
    }

    private void poll() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                Instant received = Instant.now();
                long receivedNanos = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.key() != null && ignored.test(record.key())) {
                        ignoredRecords.incrementAndGet();
                    } else if (record.topic().equals(Topics.MARKET_CANDLES)) {
                        candle(record.value(), received, receivedNanos);
                    } else {
                        incidents.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void candle(byte[] json, Instant received, long receivedNanos) {
        Optional<Instant> processed = processingTime(json);
        if (processed.isEmpty()) {
            unreadable.incrementAndGet();
            return;
        }
        long micros = Math.max(0, Duration.between(processed.get(), received).toNanos() / 1_000);
        lag.recordValue(Math.min(micros, MAX_LAG_MICROS));
        if (candles.getAndIncrement() == 0) {
            firstNanos = receivedNanos;
        }
        lastNanos = receivedNanos;
    }

    /** The envelope's processingTime of an encoded event (UTF-8), as EventCodec writes it (ISO-8601 text). */
    static Optional<Instant> processingTime(byte[] json) {
        int at = indexOf(json, PROCESSING_TIME, 0);
        if (at < 0) {
            return Optional.empty();
        }
        int from = at + PROCESSING_TIME.length;
        int to = from;
        while (to < json.length && json[to] != '"') {
            to++;
        }
        if (to >= json.length) {
            return Optional.empty();
        }
        Instant utc = utcInstant(json, from, to);
        if (utc != null) {
            return Optional.of(utc);
        }
        try {
            return Optional.of(Instant.parse(new String(json, from, to - from, StandardCharsets.ISO_8859_1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the shape Instant.toString writes, read straight from the bytes; null
     * for any other shape, which Instant.parse then reads or refuses. The meter reads every candle, so the general
     * parser's cost (about a microsecond) would come out of the two cores it measures.
     */
    static Instant utcInstant(byte[] text, int from, int to) {
        int length = to - from;
        if (length < 20
                || length > 30
                || text[from + 4] != '-'
                || text[from + 7] != '-'
                || text[from + 10] != 'T'
                || text[from + 13] != ':'
                || text[from + 16] != ':'
                || text[to - 1] != 'Z') {
            return null;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        int second = digits(text, from + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - 21;
        if (fractionDigits > 0) {
            if (text[from + 19] != '.' || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, from + 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (length != 20) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The value of {@code count} ASCII digits, or -1 if any is not a digit. */
    private static int digits(byte[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Lags recorded since the previous call, in microseconds. */
    Histogram intervalLag() {
        return lag.getIntervalHistogram();
    }

    long candles() {
        return candles.get();
    }

    long incidents() {
        return incidents.get();
    }

    long ignoredRecords() {
        return ignoredRecords.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    /** From the first measured candle received to the last; zero before two have arrived. */
    Duration receiveSpan() {
        return candles.get() < 2 ? Duration.ZERO : Duration.ofNanos(lastNanos - firstNanos);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
