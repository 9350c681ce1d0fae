package dev.graphmemory.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who owns an embedded store: written to {@code .graph-memory/owner.json} once the store is up,
 * removed at shutdown. A record whose process is gone is stale and ignored.
 */
record OwnerRecord(long pid, int boltPort, String version, String command, String started) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<OwnerRecord> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(Files.readString(file), OwnerRecord.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty(); // unreadable: treated as absent, never trusted
        }
    }

    void write(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(this));
            StoreFiles.restrict(tmp, "rw-------");
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String describe() {
        return "process " + pid + " (" + command + ", started " + started + ", graph-memory " + version + ")";
    }
}
