package dev.peregrine.backtest.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the backtest's YAML configuration file into nested maps (safe loading: plain maps, lists and scalars). */
public final class ConfigFile {

    private ConfigFile() {}

    public static Map<String, Object> read(Path file) {
        if (!Files.isReadable(file)) {
            throw new UsageException("configuration file " + file + " does not exist or cannot be read (--config)");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UsageException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(Reader reader, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new UsageException("configuration file " + source + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse("").trim());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new UsageException("configuration file " + source + " must hold a mapping of keys, not "
                    + document.getClass().getSimpleName());
        }
        return (Map<String, Object>) map;
    }
}
