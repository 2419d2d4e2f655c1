package io.wenzheng.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Keeps docs/asyncapi.yaml true: it parses as YAML, every internal reference resolves, and every event type is
 * catalogued on the channel of its topic, with an operation and its schema.
 */
class AsyncApiCatalogueTest {
    private static final Path CATALOGUE = Path.of("..", "docs", "asyncapi.yaml");
    private static JsonNode doc;

    @BeforeAll
    static void parse() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(CATALOGUE.toFile());
    }

    static Stream<CatalogueEntry> everyType() {
        return Stream.of(EventType.values(), InsightType.values(), DirectoryType.values(),
                UnitFeedType.values(), UnitCommandType.values()).flatMap(Arrays::stream);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyEventTypeIsInTheCatalogue(CatalogueEntry type) {
        JsonNode message = StreamSupport.stream(doc.path("components").path("messages").spliterator(), false)
                .filter(m -> type.type().equals(m.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(type.type() + " is not in components.messages"));
        assertThat(message.path("x-topic").asText()).isEqualTo(type.topic());
        String schemaRef = message.path("payload").path("$ref").asText();
        assertThat(schemaRef).isEqualTo("../contracts/src/main/resources" + type.schemaResource());
        assertThat(CATALOGUE.getParent().resolve(schemaRef)).exists();

        String messageRef = "#/components/messages/" + name(message);
        JsonNode channel = StreamSupport.stream(doc.path("channels").spliterator(), false)
                .filter(c -> c.path("address").asText().equals(type.topic()))
                .findFirst().orElseThrow(() -> new AssertionError("no channel with address " + type.topic()));
        assertThat(channel.path("messages").findValuesAsText("$ref")).contains(messageRef);
        assertThat(doc.path("operations").findValuesAsText("$ref")).anyMatch(r -> r.endsWith("/messages/" + name(message)));
    }

    @Test
    void everyInternalReferenceResolves() {
        List<String> refs = new ArrayList<>(doc.findValuesAsText("$ref"));
        refs.removeIf(r -> !r.startsWith("#/"));
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            JsonNode target = doc.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
    }

    private static String name(JsonNode message) {
        var names = doc.path("components").path("messages").fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (doc.path("components").path("messages").get(n) == message) {
                return n;
            }
        }
        throw new AssertionError("unnamed message");
    }
}
