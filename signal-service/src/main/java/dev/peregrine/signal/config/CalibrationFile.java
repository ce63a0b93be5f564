package dev.peregrine.signal.config;

import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calibration file signal-service loads ({@code peregrine.signal.validation.calibration-file}) and
 * {@code ./backtest.sh calibrate --export} writes: JSON of format {@value #FORMAT}, e.g.
 * <pre>
 * {"format": "peregrine-calibration-v1", "version": "isotonic-2024-11-15", "method": "isotonic",
 *  "steps": [{"fromScore": 0.2, "probability": 0.41}, ...], "platt": null,
 *  "fittedFrom": "...", "fittedUntil": "...", "outcome": "...", "horizonBars": 8, "signals": 91234}
 * </pre>
 * A file that cannot be read or is not a valid calibration fails with a message that names the file and the fix.
 */
public final class CalibrationFile {

    public static final String FORMAT = "peregrine-calibration-v1";

    private static final String FIX = "; fix the file (write it with ./backtest.sh calibrate --export <file>) or leave "
            + "peregrine.signal.validation.calibration-file empty to run uncalibrated";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CalibrationFile() {}

    /** The file's calibration. @throws IllegalStateException naming the file, what is wrong and the fix */
    public static ConfidenceCalibration read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the calibration file " + file.toAbsolutePath() + " (" + e + ")" + FIX, e);
        }
        return parse(json, file.toString());
    }

    /** @param source names the JSON's origin in error messages */
    public static ConfidenceCalibration parse(String json, String source) {
        Document document;
        try {
            document = MAPPER.readValue(json, Document.class);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "the calibration file " + source + " is not valid calibration JSON: " + e.getOriginalMessage()
                            + FIX,
                    e);
        }
        try {
            return document.toCalibration();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(
                    "the calibration file " + source + " is not a valid calibration: " + e.getMessage() + FIX, e);
        }
    }

    public static String toJson(ConfidenceCalibration calibration) {
        return MAPPER.writeValueAsString(Document.of(calibration));
    }

    public static void write(ConfidenceCalibration calibration, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(calibration) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibration file " + file, e);
        }
    }

    /** The file's shape: plain fields, checked by {@link ConfidenceCalibration} when converted. */
    record Document(
            String format,
            String version,
            String method,
            List<ConfidenceCalibration.Step> steps,
            ConfidenceCalibration.Platt platt,
            Instant fittedFrom,
            Instant fittedUntil,
            String outcome,
            Integer horizonBars,
            Integer signals) {

        static Document of(ConfidenceCalibration c) {
            return new Document(
                    FORMAT,
                    c.version(),
                    c.method().name().toLowerCase(Locale.ROOT),
                    c.steps(),
                    c.platt(),
                    c.fittedFrom(),
                    c.fittedUntil(),
                    c.outcome(),
                    c.horizonBars(),
                    c.signals());
        }

        ConfidenceCalibration toCalibration() {
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("format must be \"" + FORMAT + "\", found " + format);
            }
            CalibrationMethod parsed;
            try {
                parsed = CalibrationMethod.valueOf(require(method, "method").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("method must be isotonic or platt, found " + method);
            }
            return new ConfidenceCalibration(
                    version,
                    parsed,
                    steps == null ? List.of() : steps,
                    platt,
                    require(fittedFrom, "fittedFrom"),
                    require(fittedUntil, "fittedUntil"),
                    outcome,
                    require(horizonBars, "horizonBars"),
                    require(signals, "signals"));
        }

        private static <T> T require(T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException(name + " is missing");
            }
            return value;
        }
    }
}
