package dev.graphmemory.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.indexer.knowledge.KnowledgeDoc;
import dev.graphmemory.indexer.knowledge.KnowledgeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code graph-memory gaps} on fixture repositories with planted gaps (real git repositories,
 * indexed into a real Neo4j): each test asserts the exact set of gaps, so a missed gap (recall) and
 * a spurious one (precision) both fail it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapsCommandIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String J = "src/main/java/com/acme/";

    @TempDir
    static Path tmp;

    Path app;

    @BeforeAll
    void indexJavaApp() {
        try (GitDir git = GitDir.init(tmp.resolve("java-app"))) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put(J + "app/Main.java", """
                    package com.acme.app;
                    import com.acme.cli.Sub;
                    import picocli.CommandLine.Command;
                    @Command(name = "app", subcommands = {Sub.class})
                    public class Main {
                        public static void main(String[] args) { new Service().run(); }
                    }
                    """);
            files.put(J + "app/Service.java", """
                    package com.acme.app;
                    class Service {
                        void run() { new Helper().help(); new Audit().log(); }
                    }
                    """);
            files.put(J + "app/Helper.java", "package com.acme.app;\nclass Helper { void help() {} }\n");
            files.put(J + "app/Audit.java", "package com.acme.app;\nclass Audit { void log() {} }\n");
            files.put(J + "app/package-info.java", "/** The app. */\npackage com.acme.app;\n");
            files.put(
                    J + "cli/Sub.java",
                    "package com.acme.cli;\npublic class Sub implements Runnable { public void run() {} }\n");
            files.put(
                    J + "report/ReportExporter.java",
                    "package com.acme.report;\npublic class ReportExporter { public String export() { return \"\"; } }\n");
            files.put(J + "legacy/Orphan.java", "package com.acme.legacy;\npublic class Orphan {}\n");
            files.put(
                    J + "jobs/NightlyJob.java",
                    "package com.acme.jobs;\npublic class NightlyJob { public void run() {} }\n");
            files.put(J + "spi/Plugin.java", "package com.acme.spi;\npublic interface Plugin {}\n");
            files.put(
                    J + "spi/FastPlugin.java", "package com.acme.spi;\npublic class FastPlugin implements Plugin {}\n");
            files.put("src/main/resources/META-INF/services/com.acme.spi.Plugin", "com.acme.spi.FastPlugin\n");
            files.put(J + "web/WebApp.java", """
                    package com.acme.web;
                    import org.springframework.boot.autoconfigure.SpringBootApplication;
                    @SpringBootApplication
                    public class WebApp {}
                    """);
            files.put(J + "web/api/UserController.java", """
                    package com.acme.web.api;
                    @org.springframework.web.bind.annotation.RestController
                    public class UserController {}
                    """);
            files.put("src/test/java/com/acme/report/ReportExporterTest.java", """
                    package com.acme.report;
                    class ReportExporterTest { void exports() { new ReportExporter().export(); } }
                    """);
            git.commit("Initial import", files);
            // The planted regression: Service stops using Audit, so Audit falls off the execution path.
            git.commit("Drop the audit call from the service", Map.of(J + "app/Service.java", """
                    package com.acme.app;
                    class Service {
                        void run() { new Helper().help(); }
                    }
                    """));
            app = git.dir();
        }
        Cli index = Cli.onTestStore(app, "index");
        assertThat(index.exitCode()).as(index.err()).isZero();
    }

    private static JsonNode json(Cli run) {
        return JSON.readTree(run.out());
    }

    /** path → status of every gap in the answer (all pages: the fixtures are small). */
    private static Map<String, String> gaps(JsonNode answer) {
        return StreamSupport.stream(answer.get("gaps").spliterator(), false)
                .collect(Collectors.toMap(
                        g -> g.get("path").asString(), g -> g.get("status").asString()));
    }

    @Test
    void findsEveryPlantedGapInAJavaApplicationAndNothingElse() {
        Cli run = Cli.onTestStore(app, "gaps", "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        JsonNode answer = json(run);
        assertThat(answer.get("mode").asString()).isEqualTo("application");
        assertThat(gaps(answer))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        J + "report/ReportExporter.java", "tests_only",
                        J + "legacy/Orphan.java", "unreached",
                        J + "jobs/NightlyJob.java", "unreached",
                        J + "app/Audit.java", "unreached"));
        assertThat(answer.get("total").asInt()).isEqualTo(4);
        assertThat(answer.get("indexed_commit").asString()).hasSize(40);
        assertThat(answer.has("stale")).isTrue(); // the plan test may add untracked files: stale either way
        JsonNode roots = answer.get("roots").get("by_kind");
        assertThat(roots.has("service_loader")).isTrue();
        assertThat(roots.has("spring_component")).isTrue();
        assertThat(answer.get("summary").get("excluded").get("package_info").asInt())
                .isEqualTo(1);
        // tests_only ranks above unreached orphans, and names the test that uses it.
        JsonNode top = answer.get("gaps").get(0);
        assertThat(top.get("status").asString()).isEqualTo("tests_only");
        assertThat(top.get("used_by").get(0).asString()).endsWith("ReportExporterTest.java");
    }

    @Test
    void aWebAppAndADjangoProjectReportOnlyTheirPlantedModules() {
        Path dir = tmp.resolve("web-and-django");
        try (GitDir git = GitDir.init(dir)) {
            Map<String, String> files = new LinkedHashMap<>();
            // create-vite's react-ts shape: index.html starts src/main.tsx
            files.put("web/package.json", "{\"name\": \"web\", \"devDependencies\": {\"vite\": \"7\"}}\n");
            files.put(
                    "web/index.html",
                    "<div id=\"root\"></div>\n<script type=\"module\" src=\"/src/main.tsx\"></script>\n");
            files.put("web/src/main.tsx", "import App from './App.tsx'\nrender(<App />)\n");
            files.put(
                    "web/src/App.tsx",
                    "import Card from './Card.vue'\nexport default function App() { return null }\n");
            files.put(
                    "web/src/Card.vue",
                    "<script setup lang=\"ts\">\nimport { label } from './labels'\n</script>\n<template>{{ label }}</template>\n");
            files.put("web/src/labels.ts", "export const label = 'x'\n");
            files.put("web/src/unusedHelper.ts", "export function unusedHelper() { return 42 }\n");
            // django-admin startproject + startapp, wired as the tutorial wires them
            files.put("manage.py", """
                    import os
                    import sys

                    def main():
                        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                        from django.core.management import execute_from_command_line
                        execute_from_command_line(sys.argv)

                    if __name__ == "__main__":
                        main()
                    """);
            files.put("mysite/__init__.py", "");
            files.put("mysite/settings.py", """
                    INSTALLED_APPS = [
                        "polls.apps.PollsConfig",
                        "django.contrib.admin",
                    ]
                    ROOT_URLCONF = "mysite.urls"
                    WSGI_APPLICATION = "mysite.wsgi.application"
                    """);
            files.put("mysite/urls.py", """
                    from django.urls import include, path
                    urlpatterns = [path("polls/", include("polls.urls"))]
                    """);
            files.put("mysite/wsgi.py", """
                    import os
                    from django.core.wsgi import get_wsgi_application
                    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                    application = get_wsgi_application()
                    """);
            files.put("mysite/asgi.py", """
                    import os
                    from django.core.asgi import get_asgi_application
                    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                    application = get_asgi_application()
                    """);
            files.put("polls/__init__.py", "");
            files.put(
                    "polls/apps.py",
                    "from django.apps import AppConfig\nclass PollsConfig(AppConfig):\n    name = 'polls'\n");
            files.put("polls/models.py", "from django.db import models\nclass Question(models.Model):\n    pass\n");
            files.put("polls/admin.py", "from django.contrib import admin\n");
            files.put(
                    "polls/urls.py",
                    "from django.urls import path\nfrom . import views\nurlpatterns = [path('', views.index)]\n");
            files.put("polls/views.py", "def index(request):\n    return None\n");
            files.put("polls/migrations/__init__.py", "");
            files.put(
                    "polls/migrations/0001_initial.py",
                    "from django.db import migrations\nclass Migration(migrations.Migration):\n    pass\n");
            files.put("polls/management/__init__.py", "");
            files.put("polls/management/commands/__init__.py", "");
            files.put(
                    "polls/management/commands/close_poll.py",
                    "from django.core.management.base import BaseCommand\nclass Command(BaseCommand):\n    pass\n");
            files.put("polls/tests.py", "from django.test import TestCase\nclass QuestionTests(TestCase):\n    pass\n");
            files.put("polls/unused_helpers.py", "def unused_helper():\n    return 42\n");
            // data, not code: a stub and a folder tests read as data
            files.put("typings/vendor.pyi", "def f() -> int: ...\n");
            files.put("test-data/sample_input.py", "x = 1\n");
            git.commit("A Vite app and a Django site", files);
        }
        Cli run = Cli.onTestStore(dir, "index");
        assertThat(run.exitCode()).as(run.err()).isZero();
        run = Cli.onTestStore(dir, "gaps", "--json");
        JsonNode answer = json(run);
        assertThat(gaps(answer).keySet())
                .as(run.out())
                .containsExactlyInAnyOrder("web/src/unusedHelper.ts", "polls/unused_helpers.py");
        JsonNode byKind = answer.get("roots").get("by_kind");
        assertThat(byKind.get("html_script").asInt()).isEqualTo(1);
        assertThat(byKind.get("server_app").asInt()).isEqualTo(2);
        JsonNode excluded = answer.get("summary").get("excluded");
        assertThat(excluded.get("declaration_file").asInt()).isEqualTo(1);
        assertThat(excluded.get("fixture").asInt()).isEqualTo(1);
        assertThat(excluded.get("test").asInt()).isEqualTo(1);

        // --explain: which rule decided, for a root, a reached module, an excluded one and a gap
        JsonNode root = json(Cli.onTestStore(dir, "gaps", "--json", "--explain", "web/src/main.tsx"))
                .get("explain");
        assertThat(root.get("verdict").asString()).isEqualTo("root");
        assertThat(root.get("rules").get(0).asString()).isEqualTo("html_script");
        JsonNode reached = json(Cli.onTestStore(
                        dir, "gaps", "--json", "--explain", "polls/management/commands/close_poll.py"))
                .get("explain");
        assertThat(reached.get("verdict").asString()).isEqualTo("reached");
        JsonNode via = reached.get("via");
        assertThat(via.get(via.size() - 1).asString()).isEqualTo("polls/management/commands/close_poll.py");
        assertThat(StreamSupport.stream(via.spliterator(), false).map(JsonNode::asString))
                .contains("mysite/settings.py");
        JsonNode stub = json(Cli.onTestStore(dir, "gaps", "--json", "--explain", "typings/vendor.pyi"))
                .get("explain");
        assertThat(stub.get("verdict").asString()).isEqualTo("excluded");
        Cli gap = Cli.onTestStore(dir, "gaps", "--explain", "polls/unused_helpers.py");
        assertThat(gap.exitCode()).isEqualTo(3);
        assertThat(gap.out()).contains("polls/unused_helpers.py: gap").contains("no root reaches it");
        Cli missing = Cli.onTestStore(dir, "gaps", "--explain", "polls/nothing_here.py");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("no code module at 'polls/nothing_here.py'");
    }

    @Test
    void suggestsTheModulesAFallenModuleChangedWithAndLivesBeside() {
        JsonNode answer = json(Cli.onTestStore(app, "gaps", "--json", "--status", "unreached"));
        JsonNode audit = StreamSupport.stream(answer.get("gaps").spliterator(), false)
                .filter(g -> g.get("path").asString().endsWith("Audit.java"))
                .findFirst()
                .orElseThrow();
        JsonNode best = audit.get("suggestions").get(0);
        assertThat(best.get("path").asString()).isIn(J + "app/Service.java", J + "app/Main.java");
        assertThat(best.get("reason").asString()).contains("same package");
        assertThat(best.get("confidence").asDouble()).isBetween(0.3, 1.0);
        assertThat(StreamSupport.stream(audit.get("suggestions").spliterator(), false)
                        .map(s -> s.get("reason").asString()))
                .anySatisfy(r -> assertThat(r).contains("changed together in 1 of its 1 commits"));
    }

    @Test
    void configDeclaresEntryPointsAndExclusions() throws Exception {
        Path dir = tmp.resolve("java-app-configured");
        try (GitDir git = GitDir.init(dir)) {
            Map<String, String> files = new HashMap<>();
            for (String f : new String[] {"app/Main.java", "legacy/Orphan.java", "jobs/NightlyJob.java"}) {
                files.put(J + f, Files.readString(app.resolve(J + f)));
            }
            files.put(".graph-memory.yml", """
                    gaps:
                      entry_points: ["src/main/java/com/acme/jobs/**"]
                      exclude: ["src/main/java/com/acme/legacy"]
                    """);
            git.commit("Configured", files);
        }
        Cli run = Cli.onTestStore(dir, "index");
        assertThat(run.exitCode()).as(run.err()).isZero();
        run = Cli.onTestStore(dir, "gaps", "--json");
        JsonNode answer = json(run);
        assertThat(gaps(answer)).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(answer.get("roots").get("by_kind").get("configured").asInt()).isEqualTo(1);
        assertThat(answer.get("summary").get("excluded").get("configured").asInt())
                .isEqualTo(1);

        Files.writeString(dir.resolve(".graph-memory.yml"), "gaps:\n  entrypoints: [x]\n");
        Cli bad = Cli.onTestStore(dir, "gaps");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("gaps.entrypoints").contains("entry_points");
    }

    @Test
    void aCallersMistakeExitsTwoWithAMessageSayingHowToFixIt() {
        Cli run = Cli.onTestStore(app, "gaps", "--status", "dead");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("status must be unreached or tests_only");
    }

    @Test
    void pagesWithACursorThatCoversEveryGapOnce() {
        JsonNode first = json(Cli.onTestStore(app, "gaps", "--json", "--limit", "3", "--suggestions", "0"));
        assertThat(first.get("gaps")).hasSize(3);
        JsonNode second = json(Cli.onTestStore(
                app,
                "gaps",
                "--json",
                "--limit",
                "3",
                "--suggestions",
                "0",
                "--cursor",
                first.get("next_cursor").asString()));
        assertThat(second.get("gaps")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        Map<String, String> all = new HashMap<>(gaps(first));
        all.putAll(gaps(second));
        assertThat(all).hasSize(4);
    }

    @Test
    void buildPlanReportsThePlannedModuleNoWorkUnitWiresAndDraftsTheMissingOne() throws Exception {
        Path plans = Files.createDirectories(app.resolve("plans"));
        Files.writeString(plans.resolve("WU-010-pdf.md"), """
                ---
                id: WU-010
                title: Add a PDF renderer for reports
                tier: task
                files_changed: [src/main/java/com/acme/report/PdfRenderer.java]
                ---
                Render reports as PDF.
                """);
        Files.writeString(plans.resolve("WU-011-csv.md"), """
                ---
                id: WU-011
                title: Add CSV export to the service
                files_changed:
                  - src/main/java/com/acme/app/CsvExport.java
                  - src/main/java/com/acme/app/Service.java
                ---
                """);
        Cli run = Cli.onTestStore(app, "gaps", "--plan", plans.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        JsonNode plan = json(run).get("plan");
        assertThat(plan.get("new_modules").asInt()).isEqualTo(2);
        assertThat(plan.get("wired").get(0).get("path").asString()).isEqualTo(J + "app/CsvExport.java");
        assertThat(plan.get("unwired")).hasSize(1);
        JsonNode unwired = plan.get("unwired").get(0);
        assertThat(unwired.get("path").asString()).isEqualTo(J + "report/PdfRenderer.java");
        assertThat(unwired.get("planned_by").get(0).asString()).isEqualTo("WU-010");
        String markdown = unwired.get("draft").get("markdown").asString();
        KnowledgeDoc draft = new KnowledgeReader()
                .read(unwired.get("draft").get("file").asString(), markdown)
                .orElseThrow();
        assertThat(draft.parseOk()).isTrue();
        assertThat(draft.id()).isEqualTo("WU-012");
        assertThat(draft.properties().get("title").toString()).startsWith("Integrate PdfRenderer into ");
        assertThat(draft.filesChanged()).contains(J + "report/PdfRenderer.java").hasSize(2);
        assertThat(draft.dependencies()).containsExactly("WU-010");

        // A second planned work unit that wires it in closes the gap.
        Files.writeString(plans.resolve("WU-013-wire.md"), """
                ---
                id: WU-013
                title: Offer PdfRenderer from the main command
                files_changed: [src/main/java/com/acme/app/Main.java]
                ---
                """);
        Cli wired = Cli.onTestStore(app, "gaps", "--plan", plans.toString(), "--json");
        assertThat(wired.exitCode()).as(wired.out()).isZero();
        assertThat(json(wired).get("plan").get("unwired")).isEmpty();
    }

    @Test
    void aLibraryWithoutEntryPointsUsesItsPublicApiAndSaysSo() {
        Path dir;
        try (GitDir git = GitDir.init(tmp.resolve("java-lib"))) {
            git.commit(
                    "Library",
                    Map.of(
                            J + "lib/Api.java",
                                    "package com.acme.lib;\nimport com.acme.lib.internal.Engine;\npublic class Api { public int go() { return new Engine().spin(); } }\n",
                            J + "lib/internal/Engine.java",
                                    "package com.acme.lib.internal;\npublic class Engine { public int spin() { return 1; } }\n",
                            J + "lib/internal/Unused.java", "package com.acme.lib.internal;\npublic class Unused {}\n",
                            J + "lib/Hidden.java", "package com.acme.lib;\nclass Hidden {}\n"));
            dir = git.dir();
        }
        assertThat(Cli.onTestStore(dir, "index").exitCode()).isZero();
        JsonNode answer = json(Cli.onTestStore(dir, "gaps", "--json"));
        assertThat(answer.get("mode").asString()).isEqualTo("library");
        assertThat(answer.get("roots").get("note").asString())
                .contains("no entry point")
                .contains("public API");
        assertThat(gaps(answer)).containsOnlyKeys(J + "lib/internal/Unused.java", J + "lib/Hidden.java");
    }

    @Test
    void scriptsRunThroughHelpersAndModulesNamedByStringAreNoGaps() {
        Path dir;
        try (GitDir git = GitDir.init(tmp.resolve("helpers"))) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put(
                    "app/cli.py",
                    "import subprocess, sys\nfrom pathlib import Path\n\n"
                            + "def _job():\n    return Path(__file__).parent / 'tools' / 'job.py'\n\n"
                            + "if __name__ == '__main__':\n    subprocess.run([sys.executable, str(_job())])\n"
                            + "    __import__('app.plugins.fast')\n");
            files.put("app/tools/job.py", "print('job')\n");
            files.put("app/plugins/__init__.py", "");
            files.put("app/plugins/fast.py", "SPEED = 1\n");
            files.put("app/unused.py", "def nothing():\n    return 0\n");
            files.put(
                    "web/cli.js",
                    "#!/usr/bin/env node\nconst { fork } = require('child_process');\nconst path = require('path');\n"
                            + "const worker = () => path.join(__dirname, 'jobs', 'work.js');\nfork(worker());\n"
                            + "const lazy = require.resolve('./lazy.js');\n");
            files.put("web/jobs/work.js", "console.log('work');\n");
            files.put("web/lazy.js", "module.exports = 1;\n");
            git.commit("Helpers", files);
            dir = git.dir();
        }
        assertThat(Cli.onTestStore(dir, "index").exitCode()).isZero();
        JsonNode answer = json(Cli.onTestStore(dir, "gaps", "--json"));
        assertThat(gaps(answer)).containsOnlyKeys("app/unused.py");
    }

    @Test
    void aPythonPluginEntryPointIsARootThatKeepsALibraryALibrary() {
        Path dir;
        try (GitDir git = GitDir.init(tmp.resolve("py-plugin"))) {
            git.commit(
                    "Plugin",
                    Map.of(
                            "pyproject.toml",
                                    "[project]\nname = \"pkg\"\n\n[project.entry-points.pytest11]\nfx = \"pkg._fixtures\"\n",
                            "pkg/__init__.py", "",
                            "pkg/api.py", "def go():\n    return 1\n",
                            "pkg/_fixtures.py", "def fixture():\n    return 2\n",
                            "pkg/_unused.py", "def nothing():\n    return 0\n"));
            dir = git.dir();
        }
        assertThat(Cli.onTestStore(dir, "index").exitCode()).isZero();
        JsonNode answer = json(Cli.onTestStore(dir, "gaps", "--json"));
        // pytest loads pkg._fixtures by the name in pyproject.toml: a root, but no program to run
        assertThat(answer.get("mode").asString()).isEqualTo("library");
        assertThat(gaps(answer)).containsOnlyKeys("pkg/_unused.py");
    }

    @Test
    void findsPlantedGapsInPythonAndTypeScript() {
        Path dir;
        try (GitDir git = GitDir.init(tmp.resolve("py-ts"))) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("app/__init__.py", "");
            files.put("app/cli.py", "from app import core\n\nif __name__ == '__main__':\n    core.run()\n");
            files.put("app/core.py", "def run():\n    return 1\n");
            files.put("app/unused.py", "def nothing():\n    return 0\n");
            files.put("app/tested.py", "def value():\n    return 2\n");
            files.put(
                    "tests/test_tested.py",
                    "from app.tested import value\n\ndef test_value():\n    assert value() == 2\n");
            files.put("web/cli.ts", "#!/usr/bin/env node\nimport { run } from './core';\nrun();\n");
            files.put("web/core.ts", "export function run(): number { return 1; }\n");
            files.put("web/unused.ts", "export const nothing = 0;\n");
            files.put("web/tested.ts", "export const two = 2;\n");
            files.put("web/tested.test.ts", "import { two } from './tested';\nif (two !== 2) throw new Error();\n");
            git.commit("Python and TypeScript", files);
            dir = git.dir();
        }
        assertThat(Cli.onTestStore(dir, "index").exitCode()).isZero();
        JsonNode answer = json(Cli.onTestStore(dir, "gaps", "--json"));
        assertThat(answer.get("mode").asString()).isEqualTo("application");
        assertThat(gaps(answer))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "app/unused.py", "unreached",
                        "app/tested.py", "tests_only",
                        "web/unused.ts", "unreached",
                        "web/tested.ts", "tests_only"));
    }
}
