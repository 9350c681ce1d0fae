package dev.graphmemory.indexer.incremental;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but seeded source files and knowledge documents that refer to each other: Java classes
 * in three packages (single and wildcard imports, same-package references, calls, supertypes),
 * Python modules of one package, TypeScript modules, and work units and bugs naming modules and
 * each other. Names come from small pools, so references resolve or not as files come and go.
 */
final class Sources {
    private static final int JAVA_PACKAGES = 3;
    private static final int NAMES = 6;

    private final Random random;
    private final WorkTree tree;

    Sources(Random random, WorkTree tree) {
        this.random = random;
        this.tree = tree;
    }

    /** A starting tree with a few files of every kind. */
    void seed() {
        tree.write("py/pkg/__init__.py", "");
        for (int i = 0; i < 4; i++) {
            writeJava();
            writePython();
            writeTypeScript();
            writeDoc();
        }
    }

    /** One random change; returns what it did. */
    String randomChange() {
        int kind = random.nextInt(10);
        if (kind < 4) {
            return switch (random.nextInt(4)) {
                case 0 -> writeJava();
                case 1 -> writePython();
                case 2 -> writeTypeScript();
                default -> writeDoc();
            };
        }
        List<String> files = existing();
        if (files.isEmpty()) {
            return writeJava();
        }
        String file = files.get(random.nextInt(files.size()));
        if (kind < 7) {
            tree.delete(file);
            return "delete " + file;
        }
        String target = renamed(file);
        if (existing().contains(target)) {
            tree.delete(file);
            return "delete " + file;
        }
        tree.move(file, target);
        return "rename " + file + " to " + target;
    }

    /** A document id, maybe one that exists. */
    String docId() {
        return "WU-" + (1 + random.nextInt(NAMES));
    }

    private List<String> existing() {
        List<String> files = new ArrayList<>();
        files.addAll(tree.files("src"));
        files.addAll(tree.files("py/pkg").stream()
                .filter(p -> !p.endsWith("__init__.py"))
                .toList());
        files.addAll(tree.files("web"));
        files.addAll(tree.files("work-units"));
        files.addAll(tree.files("bugs"));
        return files;
    }

    private String renamed(String file) {
        if (file.startsWith("src/")) {
            return javaPath(random.nextInt(JAVA_PACKAGES), random.nextInt(NAMES));
        }
        if (file.startsWith("py/")) {
            return "py/pkg/m" + random.nextInt(NAMES) + ".py";
        }
        if (file.startsWith("web/")) {
            return "web/a" + random.nextInt(NAMES) + (random.nextBoolean() ? ".ts" : ".js");
        }
        return file.startsWith("bugs/")
                ? "bugs/BUG-" + random.nextInt(NAMES) + ".md"
                : "work-units/WU-" + (1 + random.nextInt(NAMES)) + ".md";
    }

    private static String javaPath(int pkg, int name) {
        return "src/p" + pkg + "/C" + name + ".java";
    }

    private String writeJava() {
        int pkg = random.nextInt(JAVA_PACKAGES);
        int name = random.nextInt(NAMES);
        StringBuilder sb = new StringBuilder("package p").append(pkg).append(";\n\n");
        if (random.nextBoolean()) {
            sb.append("import p")
                    .append(random.nextInt(JAVA_PACKAGES))
                    .append(".C")
                    .append(random.nextInt(NAMES))
                    .append(";\n");
        }
        if (random.nextBoolean()) {
            sb.append("import p").append(random.nextInt(JAVA_PACKAGES)).append(".*;\n");
        }
        sb.append("\npublic class C").append(name);
        if (random.nextInt(3) == 0) {
            sb.append(" extends C").append(random.nextInt(NAMES));
        }
        sb.append(" {\n");
        sb.append("    C").append(random.nextInt(NAMES)).append(" field;\n\n");
        sb.append("    public static void s").append(random.nextInt(3)).append("() {}\n\n");
        sb.append("    public void m() {\n");
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            switch (random.nextInt(3)) {
                case 0 ->
                    sb.append("        C")
                            .append(random.nextInt(NAMES))
                            .append(".s")
                            .append(random.nextInt(3))
                            .append("();\n");
                case 1 ->
                    sb.append("        new C").append(random.nextInt(NAMES)).append("().m();\n");
                default -> sb.append("        field.m();\n");
            }
        }
        sb.append("    }\n}\n");
        String path = javaPath(pkg, name);
        tree.write(path, sb.toString());
        return "write " + path;
    }

    private String writePython() {
        int name = random.nextInt(NAMES);
        int other = random.nextInt(NAMES);
        int third = random.nextInt(NAMES);
        StringBuilder sb = new StringBuilder();
        sb.append("from pkg import m").append(other).append('\n');
        if (random.nextBoolean()) {
            sb.append("import pkg.m").append(third).append('\n');
        }
        sb.append("\n\nclass K").append(name);
        if (random.nextBoolean()) {
            sb.append("(m").append(other).append(".K").append(other).append(")");
        }
        sb.append(":\n    def run(self):\n        return m").append(other).append(".g()\n\n\n");
        sb.append("def g():\n    return ").append(random.nextInt(100)).append('\n');
        String path = "py/pkg/m" + name + ".py";
        tree.write(path, sb.toString());
        return "write " + path;
    }

    private String writeTypeScript() {
        int name = random.nextInt(NAMES);
        int other = random.nextInt(NAMES);
        StringBuilder sb = new StringBuilder();
        sb.append("import { f")
                .append(other)
                .append(" } from './a")
                .append(other)
                .append("';\n\n");
        sb.append("export function f")
                .append(name)
                .append("(): number {\n    return f")
                .append(other)
                .append("() + ")
                .append(random.nextInt(100))
                .append(";\n}\n\n");
        if (random.nextBoolean()) {
            sb.append("export class A")
                    .append(name)
                    .append(" {\n    go(): number {\n        return f")
                    .append(name)
                    .append("();\n    }\n}\n");
        }
        String path = "web/a" + name + ".ts";
        tree.write(path, sb.toString());
        return "write " + path;
    }

    private String writeDoc() {
        List<String> sources = new ArrayList<>();
        sources.addAll(tree.files("src"));
        sources.addAll(tree.files("py/pkg"));
        sources.addAll(tree.files("web"));
        String touched = sources.isEmpty() ? "src/p0/C0.java" : sources.get(random.nextInt(sources.size()));
        String missing = javaPath(random.nextInt(JAVA_PACKAGES), random.nextInt(NAMES));
        if (random.nextInt(3) == 0) {
            int n = random.nextInt(NAMES);
            String path = "bugs/BUG-" + n + ".md";
            tree.write(
                    path,
                    "---\nid: BUG-" + n + "\ntitle: Bug " + n + "\nseverity: high\nstatus: open\n" + "affects: ["
                            + touched + "]\ncaused_by: [" + docId() + "]\n---\nSee " + docId() + ".\n");
            return "write " + path;
        }
        int n = 1 + random.nextInt(NAMES);
        String path = "work-units/WU-" + n + ".md";
        tree.write(
                path,
                "---\nid: WU-" + n + "\ntitle: Unit " + n + " v" + random.nextInt(100)
                        + "\ntype: work_unit\nstatus: open\nfiles_changed:\n  - " + touched + "\n  - " + missing
                        + "\ndependencies: [" + docId() + "]\n---\n# Unit " + n + "\n\nFollows " + docId() + " and BUG-"
                        + random.nextInt(NAMES) + "; touches " + touched + ".\n");
        return "write " + path;
    }
}
