package dev.graphmemory.indexer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.model.EdgeRow;
import dev.graphmemory.indexer.model.FileResult;
import dev.graphmemory.indexer.model.NodeRow;
import dev.graphmemory.queries.schema.NodeType;
import dev.graphmemory.queries.schema.RelType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Compares IMPORTS with {@code jdeps -verbose:class -filter:none} over real sources; opt-in, since
 * it needs a source tree and the jdeps output for its compiled classes, e.g. for the JDK:
 *
 * <pre>
 * unzip $JAVA_HOME/lib/src.zip 'java.desktop/*' -d /tmp/src
 * jimage extract --dir /tmp/classes --include 'regex:/java.desktop/.*' $JAVA_HOME/lib/modules
 * (cd /tmp/classes &amp;&amp; jdeps -verbose:class -filter:none java.desktop &gt; /tmp/jdeps.txt)
 * mvn test -Dtest=JavaJdepsAgreementTest -Dgm.jdeps.sources=/tmp/src/java.desktop -Dgm.jdeps.output=/tmp/jdeps.txt
 * </pre>
 *
 * Classes map to the file declaring them (nested and anonymous classes to their outer class);
 * dependencies within one file and on classes without sources are left out.
 */
@EnabledIfSystemProperty(named = "gm.jdeps.sources", matches = ".+")
class JavaJdepsAgreementTest {
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void importsAgreeWithJdeps() throws IOException {
        Path root = Path.of(System.getProperty("gm.jdeps.sources"));
        JavaLanguagePlugin plugin = new JavaLanguagePlugin();
        List<FileResult> parsed;
        try (Stream<Path> files = Files.walk(root)) {
            parsed = files.filter(p -> p.toString().endsWith(".java"))
                    .parallel()
                    .map(p -> plugin.parse(root.relativize(p).toString(), read(p), "h"))
                    .toList();
        }
        Map<String, String> fileOfClass = new HashMap<>();
        for (FileResult r : parsed) {
            for (NodeRow n : r.nodes()) {
                if (n.type() == NodeType.CLASS) {
                    fileOfClass.putIfAbsent(n.key(), NodeType.MODULE.id(r.path()));
                }
            }
        }
        Set<String> ours = new HashSet<>();
        plugin.link(parsed, Map.of(), o -> {
            if (o instanceof EdgeRow e && e.type() == RelType.IMPORTS) {
                ours.add(e.fromId() + " " + e.toId());
            }
        });
        Set<String> truth = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("gm.jdeps.output")))) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.find()) {
                String from = fileOf(fileOfClass, m.group(1));
                String to = fileOf(fileOfClass, m.group(2));
                if (from != null && to != null && !from.equals(to)) {
                    truth.add(from + " " + to);
                }
            }
        }
        Set<String> agreed = new HashSet<>(ours);
        agreed.retainAll(truth);
        double precision = agreed.size() / (double) ours.size();
        double recall = agreed.size() / (double) truth.size();
        System.err.printf(
                "IMPORTS vs jdeps: precision %.4f, recall %.4f (ours %d, jdeps %d)%n",
                precision, recall, ours.size(), truth.size());
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.90);
    }

    /** The file of a binary class name: {@code a.b.C$D$1} is looked up as {@code a.b.C.D.1}, then shorter. */
    private static String fileOf(Map<String, String> fileOfClass, String binaryName) {
        String name = binaryName.replace('$', '.');
        while (true) {
            String file = fileOfClass.get(name);
            if (file != null) {
                return file;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            name = name.substring(0, dot);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
