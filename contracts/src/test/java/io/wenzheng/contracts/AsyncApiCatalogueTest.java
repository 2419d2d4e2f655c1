package io.wenzheng.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps docs/asyncapi.yaml true: every event type is catalogued on its topic, pointing at its schema. */
class AsyncApiCatalogueTest {
    private static final Path CATALOGUE = Path.of("..", "docs", "asyncapi.yaml");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsInTheCatalogue(EventType type) throws IOException {
        String catalogue = Files.readString(CATALOGUE);
        assertThat(catalogue).contains("name: " + type.type());
        assertThat(catalogue).contains("x-topic: " + type.topic());
        String schemaRef = "../contracts/src/main/resources" + type.schemaResource();
        assertThat(catalogue).contains(schemaRef);
        assertThat(CATALOGUE.getParent().resolve(schemaRef)).exists();
    }
}
