package dev.graphmemory.indexer.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLanguagesTest {
    @Test
    void namesWellKnownLanguagesByExtensionWhateverTheCase() {
        assertThat(SourceLanguages.of("app/src/Main.kt")).contains("Kotlin");
        assertThat(SourceLanguages.of("app/build.gradle.kts")).contains("Kotlin");
        assertThat(SourceLanguages.of("build.gradle")).contains("Groovy");
        assertThat(SourceLanguages.of("src/Foo.GROOVY")).contains("Groovy");
        assertThat(SourceLanguages.of("cmd/main.go")).contains("Go");
        assertThat(SourceLanguages.of("src/lib.rs")).contains("Rust");
        assertThat(SourceLanguages.of("include/x.hpp")).contains("C++");
        assertThat(SourceLanguages.of("Program.cs")).contains("C#");
        assertThat(SourceLanguages.of("analysis.R")).contains("R");
    }

    @Test
    void leavesDataMarkupAndUnknownFilesOut() {
        assertThat(SourceLanguages.of("pom.xml")).isEmpty();
        assertThat(SourceLanguages.of("README.md")).isEmpty();
        assertThat(SourceLanguages.of("config.yaml")).isEmpty();
        assertThat(SourceLanguages.of("Makefile")).isEmpty();
        assertThat(SourceLanguages.of(".kt"))
                .as("a hidden file named like an extension")
                .isEmpty();
        assertThat(SourceLanguages.of("notes.unknownext")).isEmpty();
    }

    @Test
    void describesCountsLargestFirstThenByName() {
        assertThat(SourceLanguages.describe(Map.of("Groovy", 12, "Kotlin", 392, "Go", 12, "Rust", 0)))
                .isEqualTo("392 Kotlin, 12 Go, 12 Groovy");
        assertThat(SourceLanguages.describe(Map.of())).isEmpty();
    }
}
