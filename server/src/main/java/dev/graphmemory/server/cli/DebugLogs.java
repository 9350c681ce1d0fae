package dev.graphmemory.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * graph-memory's own loggers at DEBUG for one command ({@code --verbose}), so warnings that keep
 * their stack trace at DEBUG show it too; the level before is restored on close.
 */
final class DebugLogs implements AutoCloseable {
    private static final String OWN = "dev.graphmemory";

    private final Logger logger;
    private final Level before;

    private DebugLogs(Logger logger) {
        this.logger = logger;
        this.before = logger == null ? null : logger.getLevel();
    }

    static DebugLogs on() {
        Logger logger = LoggerFactory.getLogger(OWN) instanceof Logger l ? l : null;
        DebugLogs logs = new DebugLogs(logger);
        if (logger != null) {
            logger.setLevel(Level.DEBUG);
        }
        return logs;
    }

    @Override
    public void close() {
        if (logger != null) {
            logger.setLevel(before);
        }
    }
}
