package dev.graphmemory.queries.schema;

/**
 * Property keys of {@code workflow:session} nodes and of the relationships from them, shared by the
 * indexer that writes them and the cost queries that read them. A session node holds ids, counts,
 * command keys and token figures only, never text of the conversation.
 */
public final class SessionKeys {
    private SessionKeys() {}

    public static final String SESSION_ID = "session_id";
    public static final String AGENT_ID = "agent_id";
    /** Whether the node is a subagent's transcript. */
    public static final String SUBAGENT = "subagent";

    public static final String START = "start";
    public static final String END = "end";
    /** The UTC day of {@link #START}, {@code yyyy-MM-dd}. */
    public static final String DAY = "day";

    public static final String MODELS = "models";
    /** The last git branch the records name. */
    public static final String BRANCH = "branch";

    public static final String BRANCHES = "branches";
    public static final String API_CALLS = "api_calls";
    public static final String TOOL_CALLS = "tool_calls";
    public static final String INPUT_TOKENS = "input_tokens";
    public static final String OUTPUT_TOKENS = "output_tokens";
    public static final String CACHE_READ_TOKENS = "cache_read_tokens";
    public static final String CACHE_CREATION_TOKENS = "cache_creation_tokens";
    /** All four token figures added up. */
    public static final String TOTAL_TOKENS = "total_tokens";
    /** Input-token equivalents under the cache and output rules (see {@code SessionRows#weighted}). */
    public static final String WEIGHTED_TOKENS = "weighted_tokens";

    public static final String NARRATION_TURNS = "narration_turns";
    public static final String NARRATION_SHARE = "narration_share";
    public static final String FILES_READ = "files_read";
    public static final String FILE_READS = "file_reads";
    public static final String FILES_READ_OVER_TWICE = "files_read_over_twice";
    public static final String REREAD_TOKENS = "reread_tokens";
    public static final String FILES_EDITED = "files_edited";
    public static final String COMMAND_RUNS = "command_runs";
    public static final String COMMAND_FAILURES = "command_failures";
    public static final String COMMANDS_RUN_OVER_TWICE = "commands_run_over_twice";
    /** Test or build runs that failed before any test ran (a broken import, a compile error). */
    public static final String RUNS_FAILED_BEFORE_TESTS = "runs_failed_before_tests";

    public static final String SUBAGENT_REPORTS = "subagent_reports";
    /** Reports over {@code LARGE_REPORT_CHARS} characters. */
    public static final String LARGE_REPORTS = "large_reports";
    /** The parent's API calls the large reports stayed in context for, added up. */
    public static final String LARGE_REPORT_CALLS = "large_report_calls";
    /** Cache creation larger than cache reads: a cache that never paid for itself. */
    public static final String CACHE_NOT_AMORTISED = "cache_not_amortised";

    public static final String SKIPPED_LINES = "skipped_lines";

    /** On {@code READ}, {@code EDITED}, {@code RAN}: how many times. */
    public static final String COUNT = "count";
    /** On {@code READ}: estimated tokens of the results. */
    public static final String TOKENS = "tokens";
    /** On {@code RAN}: runs whose result was an error. */
    public static final String FAILURES = "failures";
    /** On {@code RAN}: failed test or build runs whose output shows no test ran. */
    public static final String FAILED_BEFORE_TESTS = "failed_before_tests";
    /** On {@code SPAWNED}: characters of the report the subagent returned. */
    public static final String REPORT_CHARS = "report_chars";
    /** On {@code SPAWNED}: the parent's API calls after the report arrived. */
    public static final String CALLS_IN_CONTEXT = "calls_in_context";
    /** On {@code WORKED_ON}: {@code branch} or {@code commit}, what named the work unit. */
    public static final String VIA = "via";

    /** A subagent report longer than this many characters counts as large. */
    public static final int LARGE_REPORT_CHARS = 8_000;
}
