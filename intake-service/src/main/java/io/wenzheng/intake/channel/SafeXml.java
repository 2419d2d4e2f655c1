package io.wenzheng.intake.channel;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the flat XML that platforms post ({@code <xml><ToUserName>..</ToUserName>...</xml>}) with every door shut:
 * no DTD, no external entities, no XInclude, a size limit. Anything else is an {@link IllegalArgumentException}.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** The text of each child element of the root, by element name. */
    public static Map<String, String> fields(byte[] xml, int maxBytes) {
        if (xml == null || xml.length == 0) {
            throw new IllegalArgumentException("empty body");
        }
        if (xml.length > maxBytes) {
            throw new IllegalArgumentException("body of " + xml.length + " bytes is over the limit of " + maxBytes);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no stack traces on stderr for hostile input
            Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            Map<String, String> fields = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(child.getNodeName(), child.getTextContent().strip());
                }
            }
            return fields;
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML without DTDs: " + e.getMessage(), e);
        }
    }

    /** Text safe inside a CDATA section. */
    public static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
