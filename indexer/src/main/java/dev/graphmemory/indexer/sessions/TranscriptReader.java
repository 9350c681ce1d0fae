package dev.graphmemory.indexer.sessions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one Claude Code JSONL transcript into its {@link TranscriptStats}, line by line: memory is
 * bounded by the longest line and the number of API calls and tool calls, never the file's size.
 *
 * <p>Design notes: Claude Code has no published transcript schema; this follows what the
 * community's references and real transcripts show (see the README, "Agent sessions"). A record
 * is one JSON object per line with {@code type} ({@code user}, {@code assistant}, {@code summary},
 * {@code system}, {@code file-history-snapshot}, {@code queue-operation}, ...), {@code uuid},
 * {@code parentUuid}, {@code sessionId}, {@code cwd}, {@code gitBranch}, {@code timestamp},
 * {@code isSidechain} and, in subagent files, {@code agentId}. An assistant record carries
 * {@code message.id}, {@code message.model}, {@code message.usage} and content blocks; one API
 * response is often written as several records, one per block, sharing {@code message.id} and
 * repeating its usage, so a call is counted once with the largest value of each usage field among
 * its records (streamed records may carry a partial {@code output_tokens}). A record without
 * {@code message.id} falls back to {@code requestId}, then {@code uuid}. Records of the model
 * {@code <synthetic>} (local error notices, no API call) are not calls. Tool results come in user
 * records as {@code tool_result} blocks whose {@code content} is a string or a list of text blocks.
 * Anything else (unknown record types, unknown blocks, missing fields) is passed over; a line that
 * is not a JSON object (malformed, or the truncated last line of a live session) is counted in
 * {@link TranscriptStats#skippedLines()} and skipped, never the transcript.
 *
 * <p>Only the shape of the conversation is kept: text is measured (its length) and dropped.
 */
public final class TranscriptReader {
    /** Characters per token used to estimate what a tool result cost: a common rule of thumb, not a tokenizer. */
    public static final int CHARS_PER_TOKEN = 4;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path repoRoot;

    /** A reader that keeps paths inside {@code repoRoot}, made relative to it. */
    public TranscriptReader(Path repoRoot) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    /** Reads the transcript file. */
    public TranscriptStats read(Path file) throws IOException {
        // Malformed UTF-8 is replaced, not fatal: the line then fails as JSON or passes with a
        // replaced character in text this reader only measures.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            return read(in, agentIdFromName(file));
        }
    }

    /** Reads a transcript from {@code in}; {@code agentId} is the subagent id the file name gives, or null. */
    public TranscriptStats read(Reader in, String agentId) throws IOException {
        SessionTally tally = new SessionTally(repoRoot, agentId);
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JacksonException e) {
                tally.skipLine();
                continue;
            }
            if (record == null || !record.isObject()) {
                tally.skipLine();
                continue;
            }
            tally.add(record);
        }
        return tally.stats();
    }

    /** The agent id in a file name {@code agent-<id>.jsonl}, or null for a main session's file. */
    static String agentIdFromName(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("agent-") && name.endsWith(".jsonl")) {
            return name.substring("agent-".length(), name.length() - ".jsonl".length());
        }
        return null;
    }

    /** The estimated tokens of a text of {@code chars} characters: {@code ceil(chars / 4)}. */
    public static long estimateTokens(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** The instant of an ISO-8601 timestamp, or null when it is not one. */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
