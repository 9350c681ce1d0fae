package dev.graphmemory.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@code detect_integration_gaps} answer for people and models: one gap a line, what uses
 * it and its suggestions below. The CLI prints it; the MCP tool's text content is the same lines and
 * the stamp, which say all the structured answer does in a third of its tokens (a gap's id is
 * {@code architecture:module:} and its path).
 */
public final class GapsText {
    private final PrintStream out;

    public GapsText(PrintStream out) {
        this.out = out;
    }

    /** Renders an answer with its stamp as one text. */
    public static String render(Map<String, Object> answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new GapsText(print).print(answer);
        String stamp = RowsText.stamp(answer);
        if (stamp != null) {
            print.println(stamp);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public void print(Map<String, Object> answer) {
        Map<String, Object> roots = (Map<String, Object>) answer.get("roots");
        Map<String, Object> summary = (Map<String, Object>) answer.get("summary");
        out.println(roots.get("note") + " " + roots.get("by_kind"));
        if (roots.get("sample") instanceof List<?> sample && !sample.isEmpty()) {
            out.println("roots: " + String.join(", ", (List<String>) sample)
                    + (((Number) roots.getOrDefault("count", sample.size())).intValue() > sample.size()
                            ? ", ..."
                            : ""));
        }
        out.println(summary.get("modules") + " modules, " + summary.get("reached") + " reached; "
                + summary.get("unreached") + " unreached, " + summary.get("tests_only") + " tests_only; excluded "
                + summary.get("excluded"));
        Map<String, Object> explain = (Map<String, Object>) answer.get("explain");
        if (explain != null) {
            out.println(explain.get("path") + ": " + explain.get("verdict"));
            out.println("  " + explain.get("why"));
            if (explain.get("via") != null) {
                out.println("  via " + String.join(" -> ", (List<String>) explain.get("via")));
            }
            return;
        }
        Map<String, Object> plan = (Map<String, Object>) answer.get("plan");
        if (plan != null) {
            printPlan(plan);
        } else {
            for (Map<String, Object> g : (List<Map<String, Object>>) answer.get("gaps")) {
                out.printf(Locale.ROOT, "  %.2f %-10s %s%n", g.get("confidence"), g.get("status"), g.get("path"));
                out.println("       " + g.get("reason"));
                if (g.get("used_by") instanceof List<?> users && !users.isEmpty()) {
                    out.println("       used by " + String.join(", ", (List<String>) users));
                }
                suggestions(g);
            }
        }
        out.println("(" + rows(answer, plan) + " of " + answer.get("total") + ")");
        if (answer.get("next_cursor") != null) {
            out.println("more: repeat with --cursor " + answer.get("next_cursor"));
        }
    }

    @SuppressWarnings("unchecked")
    private void printPlan(Map<String, Object> plan) {
        out.println("plan: " + plan.get("work_units") + " work units, " + plan.get("new_modules") + " new modules, "
                + plan.get("unwired_count") + " not wired into an execution path");
        for (Map<String, Object> w : (List<Map<String, Object>>) plan.get("wired")) {
            out.println("  wired      " + w.get("path") + "  (" + w.get("wired_by") + ")");
        }
        for (Map<String, Object> u : (List<Map<String, Object>>) plan.get("unwired")) {
            out.println("  NOT WIRED  " + u.get("path") + "  planned by " + u.get("planned_by"));
            suggestions(u);
            Map<String, Object> draft = (Map<String, Object>) u.get("draft");
            out.println("       draft " + draft.get("file") + ":");
            draft.get("markdown").toString().lines().forEach(l -> out.println("         " + l));
        }
    }

    @SuppressWarnings("unchecked")
    private void suggestions(Map<String, Object> row) {
        for (Map<String, Object> s : (List<Map<String, Object>>) row.get("suggestions")) {
            // The reason says "an entry point (kind)" when the host is one.
            out.printf(Locale.ROOT, "       -> %.2f %s (%s)%n", s.get("confidence"), s.get("path"), s.get("reason"));
        }
    }

    @SuppressWarnings("unchecked")
    private static int rows(Map<String, Object> answer, Map<String, Object> plan) {
        List<?> rows = plan != null ? (List<?>) plan.get("unwired") : (List<?>) answer.get("gaps");
        return rows.size();
    }
}
