package dev.graphmemory.queries.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativesTest {
    @Test
    void theLibrariesAreUnpackedOnceIntoAFolderNamedByTheirBuild(@TempDir Path cache) throws IOException {
        Optional<String> platform = OnnxNatives.platform();
        Optional<Path> dir = OnnxNatives.unpack(cache);
        if (platform.isEmpty()
                || OnnxNatives.class.getResource(
                                "/ai/onnxruntime/native/" + platform.get() + "/" + System.mapLibraryName("onnxruntime"))
                        == null) {
            assertThat(dir).isEmpty(); // a platform ONNX Runtime ships nothing for
            return;
        }
        assertThat(dir).isPresent();
        assertThat(dir.get().getParent()).isEqualTo(cache);
        assertThat(dir.get().getFileName().toString()).startsWith("onnxruntime-" + platform.get() + "-");
        Path library = dir.get().resolve(System.mapLibraryName("onnxruntime"));
        Path jni = dir.get().resolve(System.mapLibraryName("onnxruntime4j_jni"));
        long size = OnnxNatives.class
                .getResource("/ai/onnxruntime/native/" + platform.get() + "/" + System.mapLibraryName("onnxruntime"))
                .openConnection()
                .getContentLengthLong();
        assertThat(Files.size(library)).isEqualTo(size).isGreaterThan(1_000_000);
        assertThat(jni).isRegularFile();
        try (var files = Files.list(dir.get())) {
            assertThat(files.filter(f -> f.toString().endsWith(".part"))).isEmpty();
        }

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, old);
        assertThat(OnnxNatives.unpack(cache)).isEqualTo(dir);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(old); // not written again

        Files.write(library, new byte[] {1, 2, 3}); // a damaged copy is replaced
        assertThat(OnnxNatives.unpack(cache)).isEqualTo(dir);
        assertThat(Files.size(library)).isEqualTo(size);
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesOnnxRuntimeToItself(@TempDir Path cache) throws IOException {
        Path file = cache.resolve("not-a-folder");
        Files.writeString(file, "x");
        assertThat(OnnxNatives.unpack(file)).isEmpty();
    }

    @Test
    void platformsAreNamedAsOnnxRuntimeNamesItsFolders() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(OnnxNatives.platform()).contains("linux-x64");
        }
        OnnxNatives.platform().ifPresent(p -> assertThat(p).matches("(linux|osx|win)-(x64|aarch64)"));
    }
}
