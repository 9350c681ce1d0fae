package dev.graphmemory.indexer.build;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What the build reader takes from one {@code pom.xml}: coordinates, module entries and dependencies,
 * those of every profile included (profiles are read as if all were active).
 *
 * <p>Parsed with the JDK's parser, XXE-safe as the OWASP cheat sheet recommends: a document type
 * declaration is refused outright, so no DTD or external entity is ever loaded; the other features
 * are off too in case a parser ignores that one.
 *
 * @see <a href="https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html">OWASP
 *     XXE prevention</a>
 */
record Pom(
        String groupId, String parentGroupId, String artifactId, List<String> modules, List<Dependency> dependencies) {

    /** A {@code <dependency>}; {@code groupId}, {@code scope}, {@code type}, {@code classifier} may be null. */
    record Dependency(String groupId, String artifactId, String scope, String type, String classifier) {}

    /** A POM that is not one; the message says what was expected. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** A parser for one reading (a {@link DocumentBuilder} is not thread-safe). */
    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(
                    new ErrorHandler() { // the default one prints to stderr
                        @Override
                        public void warning(SAXParseException e) {}

                        @Override
                        public void error(SAXParseException e) throws SAXException {
                            throw e;
                        }

                        @Override
                        public void fatalError(SAXParseException e) throws SAXException {
                            throw e;
                        }
                    });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses the XXE-safe settings: " + e.getMessage(), e);
        }
    }

    static Pom parse(DocumentBuilder parser, String text) throws Invalid {
        Element project;
        try {
            project = parser.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (SAXParseException e) {
            throw new Invalid("not well-formed XML at line " + e.getLineNumber() + " (" + e.getMessage() + ")");
        } catch (SAXException | IOException e) {
            throw new Invalid("not readable as XML (" + e.getMessage() + ")");
        }
        if (!"project".equals(project.getLocalName())) {
            throw new Invalid("the root element is <" + project.getTagName() + ">, not <project>");
        }
        String artifactId = text(project, "artifactId");
        if (artifactId == null) {
            throw new Invalid("<project> has no <artifactId>");
        }
        Element parent = child(project, "parent");
        List<Element> scopes = new ArrayList<>(List.of(project));
        Element profiles = child(project, "profiles");
        if (profiles != null) {
            scopes.addAll(children(profiles, "profile"));
        }
        List<String> modules = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>();
        for (Element scope : scopes) {
            modules.addAll(texts(child(scope, "modules"), "module"));
            modules.addAll(texts(child(scope, "subprojects"), "subproject")); // Maven 4
            Element deps = child(scope, "dependencies");
            if (deps != null) {
                for (Element dep : children(deps, "dependency")) {
                    String id = text(dep, "artifactId");
                    if (id != null) {
                        dependencies.add(new Dependency(
                                text(dep, "groupId"),
                                id,
                                text(dep, "scope"),
                                text(dep, "type"),
                                text(dep, "classifier")));
                    }
                }
            }
        }
        return new Pom(
                text(project, "groupId"),
                parent == null ? null : text(parent, "groupId"),
                artifactId,
                List.copyOf(modules),
                List.copyOf(dependencies));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The trimmed text of a child element, null when it is absent or blank. */
    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        String text = e == null ? "" : e.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<String> texts(Element parent, String name) {
        if (parent == null) {
            return List.of();
        }
        return children(parent, name).stream()
                .map(e -> e.getTextContent().strip())
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
