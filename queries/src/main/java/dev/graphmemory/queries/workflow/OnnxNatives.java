package dev.graphmemory.queries.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's native libraries, unpacked once per user into the cache folder the launcher uses
 * ({@code $XDG_CACHE_HOME/graph-memory}, else {@code ~/.cache/graph-memory}) and named to ONNX
 * Runtime with its {@code onnxruntime.native.path} property.
 *
 * <p>Design note: left to itself, ONNX Runtime 1.20 copies its 16 MB library into a new
 * {@code /tmp/onnxruntime-java*} folder in every JVM that loads it, and the folder outlives the JVM
 * (it is marked for deletion at exit before the files in it, and deletions at exit run last first):
 * 151 empty folders in {@code /tmp} on one machine after a day of tests and daemons. Unpacked to a
 * folder named by the libraries themselves (not by the jar or checkout they come from, so that every
 * checkout shares one copy), each process loads them from there. When the
 * property is set already, when the platform has no libraries in the jar, or when the folder
 * cannot be written, ONNX Runtime does what it did before.
 */
final class OnnxNatives {
    static final String PROPERTY = "onnxruntime.native.path";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxNatives.class);
    private static final String RESOURCES = "/ai/onnxruntime/native/";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxNatives() {}

    /** Sets {@link #PROPERTY} to the unpacked libraries' folder under the user's cache, when it can. */
    static void prepare() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        cacheRoot().flatMap(OnnxNatives::unpack).ifPresent(dir -> System.setProperty(PROPERTY, dir.toString()));
    }

    /**
     * The libraries of this platform unpacked under {@code root}, in a folder named by their build
     * (a new ONNX Runtime gets a new folder); empty when there are none.
     */
    static Optional<Path> unpack(Path root) {
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<String> key = key(platform.get());
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Path dir = root.resolve("onnxruntime-" + platform.get() + "-" + key.get());
            Files.createDirectories(dir);
            for (String library : LIBRARIES) {
                String name = resource(platform.get(), library);
                URL url = OnnxNatives.class.getResource(name);
                if (url == null) {
                    return Optional.empty();
                }
                Path target = dir.resolve(System.mapLibraryName(library));
                long size = url.openConnection().getContentLengthLong();
                if (Files.isRegularFile(target) && Files.size(target) == size) {
                    continue;
                }
                // Another process may unpack at the same time: each writes its own file and moves it
                // in whole, so a reader never sees half a library.
                Path part = Files.createTempFile(dir, target.getFileName().toString(), ".part");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            LOG.debug("ONNX Runtime's libraries not unpacked under {}: {}", root, e.toString());
            return Optional.empty();
        }
    }

    /**
     * What names one build of the libraries, whichever jar or checkout they come from: the CRC-32 of
     * the small JNI library and the size of the large one. Empty when the jar has none for this
     * platform.
     */
    private static Optional<String> key(String platform) throws IOException {
        URL jni = OnnxNatives.class.getResource(resource(platform, LIBRARIES.get(1)));
        URL main = OnnxNatives.class.getResource(resource(platform, LIBRARIES.getFirst()));
        if (jni == null || main == null) {
            return Optional.empty();
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (InputStream in = jni.openStream()) {
            crc.update(in.readAllBytes());
        }
        return Optional.of(
                Long.toHexString(crc.getValue()) + "-" + main.openConnection().getContentLengthLong());
    }

    /** ONNX Runtime's name for this platform's folder of libraries ({@code linux-x64}), if it has one. */
    static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : null;
        String archName =
                switch (arch) {
                    case "amd64", "x86_64" -> "x64";
                    case "aarch64", "arm64" -> "aarch64";
                    default -> null;
                };
        return osName == null || archName == null ? Optional.empty() : Optional.of(osName + "-" + archName);
    }

    private static String resource(String platform, String library) {
        return RESOURCES + platform + "/" + System.mapLibraryName(library);
    }

    private static Optional<Path> cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "graph-memory"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "graph-memory"));
    }
}
