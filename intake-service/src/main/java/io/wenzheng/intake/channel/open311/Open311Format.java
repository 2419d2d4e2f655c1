package io.wenzheng.intake.channel.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wenzheng.contracts.EventJson;
import java.util.Iterator;
import java.util.Map;

/**
 * GeoReport v2 in both its formats from one tree: JSON as is; XML with the spec's element names ({@code services} of
 * {@code service}, {@code service_requests} of {@code request}, {@code errors} of {@code error}).
 */
final class Open311Format {
    private Open311Format() {
    }

    static ArrayNode array() {
        return EventJson.mapper().createArrayNode();
    }

    static String render(String format, ArrayNode items, String listElement, String itemElement) {
        if ("json".equals(format)) {
            return items.toString();
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><").append(listElement).append('>');
        for (JsonNode item : items) {
            xml.append('<').append(itemElement).append('>');
            Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                xml.append('<').append(f.getKey()).append('>');
                if (!f.getValue().isNull()) {
                    xml.append(escape(f.getValue().isArray() ? "" : f.getValue().asText()));
                }
                xml.append("</").append(f.getKey()).append('>');
            }
            xml.append("</").append(itemElement).append('>');
        }
        return xml.append("</").append(listElement).append('>').toString();
    }

    static String error(String format, int code, String description) {
        ObjectNode e = EventJson.mapper().createObjectNode().put("code", code).put("description", description);
        return render(format, array().add(e), "errors", "error");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
