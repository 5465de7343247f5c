package dev.rulec.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files whole or not at all: into a temporary file beside the target, then renamed over it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text}; returns false (and leaves the file untouched) when it already holds exactly that. */
    public static boolean write(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path abs = target.toAbsolutePath();
        if (Files.isRegularFile(abs) && java.util.Arrays.equals(Files.readAllBytes(abs), bytes)) {
            return false;
        }
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }
}
