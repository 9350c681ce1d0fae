package dev.graphmemory.server.cli;

import dev.graphmemory.queries.workflow.TierClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** {@code graph-memory tier}: classify a work unit's tier (task, story, epic) by the documented rules. */
@Command(
        name = "tier",
        mixinStandardHelpOptions = true,
        description = "Classify a work unit as task, story or epic, and say which rule fired. Read-only work (audit,"
                + " analyze, report, document, review) is a task; otherwise 5+ files is an epic, 2-4 a story, 0-1 a"
                + " task. Needs no store.")
final class TierCommand implements Callable<Integer> {
    @ParentCommand
    GraphMemoryCommand parent;

    @Option(names = "--title", required = true, description = "The work unit's title.")
    String title;

    @Option(names = "--files", split = ",", description = "Files it touches (comma-separated, or repeat the option).")
    List<String> files = new ArrayList<>();

    @Option(names = "--json", description = "Print {tier, rule, reason, files} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        TierClassifier.Tier tier = TierClassifier.classify(title, files);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tier", tier.tier());
            out.put("rule", tier.rule());
            out.put("reason", tier.reason());
            out.put("files", tier.files());
            parent.out.println(JsonMapper.builder().build().writeValueAsString(out));
        } else {
            parent.out.println(tier.tier() + "\t" + tier.rule() + "\t" + tier.reason());
        }
        return 0;
    }
}
