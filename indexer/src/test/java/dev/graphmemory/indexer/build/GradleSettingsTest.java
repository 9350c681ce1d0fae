package dev.graphmemory.indexer.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradleSettingsTest {
    @Test
    void readsIncludesMovesAndTheRootNameAndRefusesPathsThatAreNoProjectPaths() {
        List<String> warnings = new ArrayList<>();
        GradleSettings settings = GradleSettings.parse("settings.gradle", """
                rootProject.name = 'shop'
                include 'web', ':core:model',
                        'core:store'
                include '..', "${prefix}-x"
                settings.include("docs")
                project(':web').projectDir = new File(rootDir, 'apps/web')
                project(':docs').projectDir = file("$rootDir/documentation")
                project(':core').projectDir = file('../elsewhere')
                """, warnings::add);

        assertThat(settings.rootName()).isEqualTo("shop");
        assertThat(settings.includes()).containsExactly(":web", ":core:model", ":core:store", ":docs");
        assertThat(settings.projectDirs()).isEqualTo(Map.of(":web", "apps/web", ":docs", "documentation"));
        assertThat(warnings)
                .containsExactly(
                        "settings.gradle line 4: include '..' is not read; expected a project path such as ':a:b'"
                                + " (interpolated names are not read)",
                        "settings.gradle line 4: include '${prefix}-x' is not read; expected a project path such as"
                                + " ':a:b' (interpolated names are not read)",
                        "settings.gradle line 8: projectDir '../elsewhere' of ':core' is not read; expected a project"
                                + " path and a folder inside the repository");
    }
}
