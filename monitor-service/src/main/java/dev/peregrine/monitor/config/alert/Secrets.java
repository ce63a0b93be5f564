package dev.peregrine.monitor.config.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a secret from its property (set from the environment) or from a mounted file; never shows its value. */
final class Secrets {

    private Secrets() {}

    static String resolve(String value, String file, String property, String environmentVariable) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        if (file != null && !file.isBlank()) {
            try {
                String content = Files.readString(Path.of(file.strip())).strip();
                if (content.isEmpty()) {
                    throw new IllegalStateException("the file named by " + property + "-file (" + file + ") is empty");
                }
                return content;
            } catch (IOException e) {
                throw new IllegalStateException(
                        "cannot read the file named by " + property + "-file (" + file + "): "
                                + e.getClass().getSimpleName(),
                        e);
            }
        }
        throw new IllegalStateException("set " + environmentVariable + " (" + property + ") or " + environmentVariable
                + "_FILE (" + property + "-file, a mounted file) when this alert channel is enabled");
    }
}
