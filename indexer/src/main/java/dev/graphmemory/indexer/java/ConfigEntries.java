package dev.graphmemory.indexer.java;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classes that build and configuration files name for a runtime to load by name, which makes them
 * entry points:
 *
 * <ul>
 *   <li>{@code main_class}: Maven {@code <mainClass>} (jar, exec, Spring Boot, shade plugins), the
 *       {@code <start-class>} property and {@code <Main-Class>} manifest entries, with
 *       {@code ${property}} values defined in the same pom; Gradle {@code mainClass = ...},
 *       {@code mainClass.set(...)}, {@code mainClassName = ...} and {@code "Main-Class"} manifest
 *       attributes; {@code Main-Class} in a {@code META-INF/MANIFEST.MF}; agents'
 *       {@code Premain-Class}, {@code Agent-Class} and {@code Launcher-Agent-Class} in each.
 *   <li>{@code spring_xml}: every {@code class="..."} of a Spring XML document (root element
 *       {@code <beans>}).
 *   <li>{@code web_xml}: {@code <servlet-class>}, {@code <filter-class>} and
 *       {@code <listener-class>} of a {@code WEB-INF/web.xml}.
 * </ul>
 *
 * <p>Design note: files are scanned with regular expressions, never handed to an XML parser, so no
 * document can make the indexer fetch an external entity; their size is bounded by the run's
 * largest file size like every file read. Only main code's configuration counts: a file under
 * {@code src/test/} configures tests.
 */
final class ConfigEntries {
    static final String MAIN_CLASS = "main_class";
    static final String SPRING_XML = "spring_xml";
    static final String WEB_XML = "web_xml";

    private static final String NAME = "([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*)";
    private static final String ATTRIBUTES = "(?:Main-Class|Premain-Class|Agent-Class|Launcher-Agent-Class)";
    private static final Pattern MAVEN =
            Pattern.compile("<(mainClass|start-class|" + ATTRIBUTES + ")>\\s*([^<\\s]+)\\s*</\\1>");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern GRADLE = Pattern.compile("(?:\\bmainClass(?:Name)?\\s*(?:=|\\.set\\s*\\()|['\"]"
            + ATTRIBUTES + "['\"]\\s*]?\\s*(?::|to|=|,))\\s*['\"]" + NAME + "['\"]");
    private static final Pattern MANIFEST = Pattern.compile("(?m)^" + ATTRIBUTES + ":\\s*" + NAME + "\\s*$");
    private static final Pattern ROOT_ELEMENT = Pattern.compile("<(?![?!])([\\w.-]+:)?(\\w[\\w.-]*)");
    private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("\\bclass\\s*=\\s*[\"']\\s*" + NAME + "\\s*[\"']");
    private static final Pattern WEB_CLASSES =
            Pattern.compile("<(servlet-class|filter-class|listener-class)>\\s*" + NAME + "\\s*</\\1>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    private ConfigEntries() {}

    /** Whether the Java plugin reads this file for the classes it names. */
    static boolean wanted(String path) {
        if (path.startsWith("src/test/") || path.contains("/src/test/")) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("pom.xml") || name.endsWith(".gradle") || name.endsWith(".gradle.kts")) {
            return true;
        }
        if (name.equals("MANIFEST.MF")) {
            return path.contains("META-INF/");
        }
        return name.endsWith(".xml") && springXmlCandidate(path, name);
    }

    /** Where Spring and servlet XML live: resource and webapp folders, or a name that says so. */
    private static boolean springXmlCandidate(String path, String name) {
        return path.contains("/resources/")
                || path.startsWith("resources/")
                || path.contains("WEB-INF/")
                || path.contains("META-INF/")
                || name.startsWith("applicationContext")
                || name.contains("context")
                || name.contains("beans")
                || name.startsWith("spring");
    }

    /** A class named in a file, with the entry kind it gives. */
    record Named(String className, String kind) {}

    /** The classes file {@code path} names; empty for a file that is none of the kinds above. */
    static List<Named> classes(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Set<Named> out = new LinkedHashSet<>();
        if (name.equals("pom.xml")) {
            maven(COMMENT.matcher(text).replaceAll(""), out);
        } else if (name.endsWith(".gradle") || name.endsWith(".gradle.kts")) {
            all(GRADLE.matcher(text), 1, MAIN_CLASS, out);
        } else if (name.equals("MANIFEST.MF")) {
            all(MANIFEST.matcher(text), 1, MAIN_CLASS, out);
        } else if (name.endsWith(".xml")) {
            String xml = COMMENT.matcher(text).replaceAll("");
            String root = rootElement(xml);
            if ("beans".equals(root)) {
                all(CLASS_ATTRIBUTE.matcher(xml), 1, SPRING_XML, out);
            } else if ("web-app".equals(root)) {
                all(WEB_CLASSES.matcher(xml), 2, WEB_XML, out);
            }
        }
        return new ArrayList<>(out);
    }

    private static void maven(String pom, Set<Named> out) {
        Matcher m = MAVEN.matcher(pom);
        while (m.find()) {
            String value = m.group(2);
            Matcher property = PROPERTY.matcher(value);
            if (property.matches()) {
                Matcher defined = Pattern.compile("<" + Pattern.quote(property.group(1)) + ">\\s*([^<\\s]+)\\s*</")
                        .matcher(pom);
                value = defined.find() ? defined.group(1) : "";
            }
            if (value.matches(NAME)) {
                out.add(new Named(value, MAIN_CLASS));
            }
        }
    }

    private static void all(Matcher m, int group, String kind, Set<Named> out) {
        while (m.find()) {
            out.add(new Named(m.group(group), kind));
        }
    }

    /** The local name of a document's first element, after the prolog and comments; {@code null} if none. */
    static String rootElement(String xml) {
        Matcher m = ROOT_ELEMENT.matcher(xml);
        return m.find() ? m.group(2) : null;
    }
}
