package dev.graphmemory.server.config;

/** A setting in {@code .graph-memory.yml} is wrong; the message names it and what was expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
