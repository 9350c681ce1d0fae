import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step (server/pom.xml, package phase): removes the signature files of the dependency jars
 * in target/lib, and the per-entry digests of their manifests, leaving every class and resource as
 * it is.
 *
 * <p>A signed jar on the class path costs every start: the JVM checks each class it loads from it
 * against its digest (SHA-256 over the bytes, after parsing a manifest of up to 744 KB for
 * eclipse-collections), and the JDK's class-data sharing and AOT cache leave classes of signed jars
 * out, so they are loaded and linked from the jar every time. Neo4j's embedded database loads
 * eclipse-collections throughout, and the indexer loads JGit. Nothing here relies on the
 * signatures: the jars come from Maven Central, whose checksums Maven has checked.
 *
 * <p>Run as {@code java StripJarSignatures.java JAR...}; a jar without signature files is left
 * untouched, so running it again is a no-op.
 */
public final class StripJarSignatures {

    private StripJarSignatures() {}

    public static void main(String[] args) throws IOException {
        int stripped = 0;
        for (String arg : args) {
            if (strip(Path.of(arg))) {
                stripped++;
            }
        }
        System.out.println("StripJarSignatures: " + stripped + " of " + args.length + " jars had signatures, removed");
    }

    static boolean strip(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> isSignature(e.getName()))) {
                return false;
            }
            Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigned");
            try (OutputStream file = Files.newOutputStream(tmp);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (isSignature(name)) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(name);
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                            withoutDigests(new Manifest(in)).write(out);
                        } else {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    /** Signature block and signature file of a signer (META-INF/NAME.SF, .RSA, .DSA, .EC, SIG-*). */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
                || file.startsWith("SIG-");
    }

    /** The manifest without the digest attributes of its entry sections, and without sections left empty. */
    static Manifest withoutDigests(Manifest manifest) {
        List<String> empty = new ArrayList<>();
        for (Map.Entry<String, Attributes> section : manifest.getEntries().entrySet()) {
            section.getValue().keySet().removeIf(key -> key.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST"));
            if (section.getValue().isEmpty()) {
                empty.add(section.getKey());
            }
        }
        empty.forEach(manifest.getEntries()::remove);
        return manifest;
    }
}
