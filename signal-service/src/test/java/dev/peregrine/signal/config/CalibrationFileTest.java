package dev.peregrine.signal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTest {

    static final ConfidenceCalibration ISOTONIC = new ConfidenceCalibration(
            "isotonic-test",
            CalibrationMethod.ISOTONIC,
            List.of(new ConfidenceCalibration.Step(0.1, 0.35), new ConfidenceCalibration.Step(0.6, 0.52)),
            null,
            Instant.parse("2021-01-01T00:00:00Z"),
            Instant.parse("2024-11-15T06:00:00Z"),
            "return after round-trip costs above 0 after 8 bars",
            8,
            1234);

    static final ConfidenceCalibration PLATT = new ConfidenceCalibration(
            "platt-test",
            CalibrationMethod.PLATT,
            List.of(),
            new ConfidenceCalibration.Platt(-0.8, 0.3),
            Instant.parse("2021-01-01T00:00:00Z"),
            Instant.parse("2024-11-15T06:00:00Z"),
            "return after round-trip costs above 0 after 8 bars",
            8,
            1234);

    @TempDir
    Path dir;

    @Test
    void aWrittenCalibrationReadsBackEqual() {
        Path file = dir.resolve("iso.json");
        CalibrationFile.write(ISOTONIC, file);
        assertThat(CalibrationFile.read(file)).isEqualTo(ISOTONIC);
        CalibrationFile.write(PLATT, file);
        assertThat(CalibrationFile.read(file)).isEqualTo(PLATT);
        assertThat(CalibrationFile.toJson(ISOTONIC))
                .contains("\"format\" : \"peregrine-calibration-v1\"", "\"method\" : \"isotonic\"");
    }

    @Test
    void aMissingFileSaysWhichFileAndTheFix() {
        Path missing = dir.resolve("nowhere.json");
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.read(missing))
                .withMessageContaining("cannot read the calibration file")
                .withMessageContaining("nowhere.json")
                .withMessageContaining("./backtest.sh calibrate --export")
                .withMessageContaining("peregrine.signal.validation.calibration-file empty");
    }

    @Test
    void badFilesAreRefusedWithWhatIsWrong() {
        String good = CalibrationFile.toJson(ISOTONIC);
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.parse("{not json", "bad.json"))
                .withMessageContaining("bad.json is not valid calibration JSON");
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.parse(good.replace("peregrine-calibration-v1", "v0"), "f"))
                .withMessageContaining("format must be");
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.parse(good.replace("\"isotonic\"", "\"spline\""), "f"))
                .withMessageContaining("method must be isotonic or platt");
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.parse(good.replace("0.52", "0.2"), "f"))
                .withMessageContaining("non-decreasing probabilities");
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.parse(good.replace("\"horizonBars\" : 8,", ""), "f"))
                .withMessageContaining("horizonBars is missing");
        assertThatIllegalStateException()
                .isThrownBy(() -> CalibrationFile.parse(good.replace("\"signals\"", "\"signalz\""), "f"))
                .withMessageContaining("not valid calibration JSON");
    }

    @Test
    void thePropertiesLoadTheFileIntoTheValidatorsConfiguration() throws Exception {
        Path file = dir.resolve("cal.json");
        Files.writeString(file, CalibrationFile.toJson(PLATT));
        ValidationProperties properties = new ValidationProperties(
                0.70, 0.85, new ValidationProperties.Cutoffs(0.6, 0.55, 0.5, 0.45), file.toString());
        var config = properties.toConfig();
        assertThat(config.calibration()).contains(PLATT);
        assertThat(config.minConfidence()).isEqualTo(0.70);
        assertThat(config.targetConfidence()).isEqualTo(0.85);
        var uncalibrated =
                new ValidationProperties(0, 0, new ValidationProperties.Cutoffs(0.6, 0.55, 0.5, 0.45), " ").toConfig();
        assertThat(uncalibrated.calibration()).isEmpty();
    }
}
