package dev.graphmemory.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the store daemon listens: written to {@code .graph-memory/daemon.json} once the store is
 * up, removed when it stops. Never trusted blindly: a client checks the process is alive, the
 * version is its own, and the port answers with this store's credentials and store id.
 */
public record DaemonEndpoint(long pid, int boltPort, String version, String storeId, String started) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<DaemonEndpoint> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(Files.readString(file), DaemonEndpoint.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty(); // unreadable or half-written: treated as absent
        }
    }

    void write(Path file, Path pidFile) {
        try {
            StoreFiles.writeAtomically(file, JSON.writeValueAsString(this));
            StoreFiles.writeAtomically(pidFile, pid + "\n");
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String describe() {
        return "daemon pid " + pid + " (graph-memory " + version + ", up since " + started + ")";
    }
}
