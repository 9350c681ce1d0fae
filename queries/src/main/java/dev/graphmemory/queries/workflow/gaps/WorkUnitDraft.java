package dev.graphmemory.queries.workflow.gaps;

import dev.graphmemory.queries.workflow.TierClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A drafted "Integrate X into Y" work unit: markdown with the YAML frontmatter the indexer reads
 * ({@code id}, {@code type}, {@code title}, {@code tier}, {@code status}, {@code objective},
 * {@code files_changed}, {@code dependencies}), ready to save under the knowledge folder or to
 * hand to {@code record_knowledge}.
 *
 * @param id the proposed id, the next free {@code WU-n}
 * @param file a suggested repository-relative file name
 * @param title the title
 * @param markdown the whole document
 */
public record WorkUnitDraft(String id, String file, String title, String markdown) {
    /** Drafts the work unit that wires {@code module} into {@code host} (null: no host known). */
    static WorkUnitDraft integrate(String id, String module, String host, List<String> dependencies, String why) {
        String x = stem(module);
        String y = host == null ? "an entry point" : stem(host);
        String title = "Integrate " + x + " into " + y;
        List<String> files = host == null ? List.of(module) : List.of(host, module);
        String tier = TierClassifier.classify(title, files).tier();
        String objective = "Wire " + module + " into an execution path"
                + (host == null ? "" : " through " + host)
                + " so that it runs outside its tests; today no planned or existing work unit does.";
        StringBuilder md = new StringBuilder("---\n");
        md.append("id: ").append(id).append('\n');
        md.append("type: work_unit\n");
        md.append("title: ").append(quote(title)).append('\n');
        md.append("tier: ").append(tier).append('\n');
        md.append("status: planned\n");
        md.append("objective: ").append(quote(objective)).append('\n');
        md.append("files_changed:\n");
        files.forEach(f -> md.append("  - ").append(quote(f)).append('\n'));
        md.append("dependencies: [")
                .append(String.join(
                        ", ", dependencies.stream().map(WorkUnitDraft::quote).toList()))
                .append("]\n");
        md.append("---\n");
        md.append("# ").append(title).append("\n\n");
        md.append(dependencies.isEmpty() ? "The build plan" : String.join(", ", dependencies))
                .append(" creates `")
                .append(module)
                .append("`, but no planned or existing work unit wires it into an execution path:")
                .append(" built and tested, it would never run.\n\n");
        if (host != null) {
            md.append("Wire it into `").append(host).append("` (").append(why).append(").\n\n");
        }
        md.append("Done when an entry point reaches it (`detect_integration_gaps` no longer reports it).\n");
        String file = "work-units/" + id + "-" + slug(title) + ".md";
        return new WorkUnitDraft(id, file, title, md.toString());
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("file", file);
        m.put("title", title);
        m.put("markdown", markdown);
        return m;
    }

    private static String stem(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }

    private static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
