package dev.prharness.lint;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * A rule file read as plain data: elements with their attributes, text and line numbers, parsed by a parser
 * that reads nothing but the text it is given. No entity is declared or expanded, no DTD or schema is loaded,
 * XInclude is off; a DOCTYPE is allowed only when it names one of Checkstyle's published configuration DTDs,
 * and is then not read either. What the linters get is written back from this tree, without any DOCTYPE.
 */
record XmlTree(String name, Map<String, String> attributes, String text, List<XmlTree> children, int line,
        String doctypePublicId) {

    /**
     * Checkstyle's own DTDs (configuration, suppressions, XPath suppressions, import control) by public id, each
     * with its published system id. Checkstyle resolves these public ids from its jar and never fetches them.
     */
    private static final Map<String, String> CHECKSTYLE_DTDS = checkstyleDtds();

    private static Map<String, String> checkstyleDtds() {
        Map<String, String> dtds = new LinkedHashMap<>();
        for (String version : List.of("1.0", "1.1", "1.2", "1.3")) {
            String v = version.replace('.', '_');
            dtds.put("-//Checkstyle//DTD Checkstyle Configuration " + version + "//EN",
                    "https://checkstyle.org/dtds/configuration_" + v + ".dtd");
            dtds.put("-//Puppy Crawl//DTD Check Configuration " + version + "//EN",
                    "https://checkstyle.org/dtds/configuration_" + v + ".dtd");
            dtds.put("-//Checkstyle//DTD SuppressionFilter Configuration " + version + "//EN",
                    "https://checkstyle.org/dtds/suppressions_" + v + ".dtd");
            dtds.put("-//Puppy Crawl//DTD Suppressions " + version + "//EN",
                    "https://checkstyle.org/dtds/suppressions_" + v + ".dtd");
            dtds.put("-//Checkstyle//DTD SuppressionXpathFilter Experimental Configuration " + version + "//EN",
                    "https://checkstyle.org/dtds/suppressions_" + v + "_xpath_experimental.dtd");
            dtds.put("-//Checkstyle//DTD ImportControl Configuration " + version + "//EN",
                    "https://checkstyle.org/dtds/import_control_" + v + ".dtd");
            dtds.put("-//Puppy Crawl//DTD Import Control " + version + "//EN",
                    "https://checkstyle.org/dtds/import_control_" + v + ".dtd");
        }
        return Map.copyOf(dtds);
    }

    XmlTree {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }

    List<XmlTree> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** Parses {@code xml} from {@code origin}; anything beyond plain elements and text is refused with its line. */
    static XmlTree parse(String origin, String xml) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Builder builder = new Builder(origin);
            parser.getXMLReader().setProperty("http://xml.org/sax/properties/lexical-handler", builder);
            parser.getXMLReader().setProperty("http://xml.org/sax/properties/declaration-handler", builder);
            parser.parse(new InputSource(new StringReader(xml)), builder);
            return builder.root;
        } catch (SAXParseException e) {
            throw new LintConfigException(origin + " line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new LintConfigException(origin + " is not usable XML: " + e.getMessage(), e);
        }
    }

    /**
     * This tree as XML text: elements, attributes and text, escaped. A DOCTYPE only where the original named one
     * of Checkstyle's DTDs, written with its public id (which Checkstyle resolves from its jar) and nothing else.
     */
    String write() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (doctypePublicId != null) {
            out.append("<!DOCTYPE ").append(name).append(" PUBLIC \"").append(doctypePublicId).append("\" \"")
                    .append(CHECKSTYLE_DTDS.get(doctypePublicId)).append("\">\n");
        }
        write(out, 0);
        return out.toString();
    }

    private void write(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('<').append(name);
        attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        if (children.isEmpty() && text.isBlank()) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (!text.isBlank()) {
            out.append(escape(text));
        }
        if (!children.isEmpty()) {
            out.append('\n');
            children.forEach(c -> c.write(out, depth + 1));
            out.append("  ".repeat(depth));
        }
        out.append("</").append(name).append(">\n");
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Builds the tree, refusing DTD declarations, entities and processing instructions as they come. */
    private static final class Builder extends DefaultHandler2 {

        private final String origin;
        private final Deque<Node> open = new ArrayDeque<>();
        private Locator locator;
        private XmlTree root;
        private String publicId;

        Builder(String origin) {
            this.origin = origin;
        }

        /** An element being read. */
        private record Node(String name, Map<String, String> attributes, StringBuilder text, List<XmlTree> children, int line) {}

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        private LintConfigException refused(String what) {
            return new LintConfigException(origin + " line " + line() + ": " + what);
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {
            if (publicId == null || !CHECKSTYLE_DTDS.containsKey(publicId)) {
                throw refused("the DOCTYPE" + (systemId == null ? "" : " '" + systemId + "'") + " is refused: only "
                        + "Checkstyle's own configuration DTDs may be named (they are never fetched). Remove the DOCTYPE.");
            }
            this.publicId = publicId;
        }

        @Override
        public void internalEntityDecl(String name, String value) {
            throw refused("declares the entity '" + name + "'; entities are refused. Remove the <!ENTITY …> declaration.");
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) {
            throw refused("declares the external entity '" + name + "'; entities are refused. Remove it.");
        }

        @Override
        public void elementDecl(String name, String model) {
            throw refused("has an internal DTD subset; remove the [ … ] part of its DOCTYPE.");
        }

        @Override
        public void attributeDecl(String element, String attribute, String type, String mode, String value) {
            throw refused("has an internal DTD subset; remove the [ … ] part of its DOCTYPE.");
        }

        @Override
        public void startEntity(String name) {
            if (!name.equals("[dtd]")) {
                throw refused("uses the entity '" + name + "'; entities are refused.");
            }
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId) {
            // Never fetched: an empty text stands for whatever was named (only Checkstyle's DTDs get this far).
            return new InputSource(new StringReader(""));
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public void processingInstruction(String target, String data) {
            throw refused("has the processing instruction <?" + target + " …?>; remove it.");
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                attributes.put(attrs.getQName(i), attrs.getValue(i));
            }
            open.push(new Node(qName, attributes, new StringBuilder(), new ArrayList<>(), line()));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Node node = open.pop();
            XmlTree tree = new XmlTree(node.name(), node.attributes(), node.text().toString().strip(), node.children(),
                    node.line(), open.isEmpty() ? publicId : null);
            if (open.isEmpty()) {
                root = tree;
            } else {
                open.peek().children().add(tree);
            }
        }
    }
}
