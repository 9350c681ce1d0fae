package dev.graphmemory.server.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where a file of an npm WebJar on the classpath lies: {@code
 * /META-INF/resources/webjars/<name>/<version>/<file>}, the version read from the WebJar's own
 * {@code pom.properties}, so that the pom alone names it.
 */
final class WebJar {
    private WebJar() {}

    /** The classpath resource of {@code file} in the npm WebJar {@code name}. */
    static String file(String name, String file) {
        String properties = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = WebJar.class.getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the WebJar org.webjars.npm:" + name + " is not on the classpath (no " + properties + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return "/META-INF/resources/webjars/" + name + "/" + p.getProperty("version") + "/" + file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + properties, e);
        }
    }
}
