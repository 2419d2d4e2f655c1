package io.wenzheng.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.Error;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractExamplesTest {

    private static final SchemaRegistry FACTORY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleValidatesAgainstItsSchema(EventType type) throws IOException {
        List<Error> errors = schema(type).validate(example(type));
        assertThat(errors).as("%s example", type.type()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordRoundTripsThroughJsonWithoutLoss(EventType type) throws IOException {
        String json = text(type.exampleResource());
        PetitionEvent event = EventJson.read(json, type);

        assertThat(event).isInstanceOf(type.payload());
        assertThat(EventType.of(event)).isEqualTo(type);
        JsonNode written = EventJson.mapper().readTree(EventJson.write(event));
        assertThat(written).isEqualTo(example(type));
        assertThat(schema(type).validate(written)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsDataWithoutPetitionId(EventType type) throws IOException {
        ObjectNode broken = (ObjectNode) example(type);
        broken.remove("petitionId");

        assertThat(schema(type).validate(broken)).isNotEmpty();
        assertThatThrownBy(() -> EventJson.read(broken.toString(), type)).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNamesFollowTheBriefConvention(EventType type) {
        assertThat(type.type()).matches("wenzheng\\.[a-z]+\\.[a-z-]+\\.v\\d+");
        assertThat(EventType.ofType(type.type())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(InsightType.class)
    void insightExamplesValidateAndRoundTrip(InsightType type) throws IOException {
        assertThat(schema(type).validate(example(type))).as("%s example", type.type()).isEmpty();
        InsightEvent event = EventJson.read(text(type.exampleResource()), type);
        assertThat(InsightType.of(event)).isEqualTo(type);
        assertThat(EventJson.mapper().readTree(EventJson.write(event))).isEqualTo(example(type));
        assertThat(type.type()).matches("wenzheng\\.insight\\.[a-z-]+\\.v\\d+");
        assertThat(InsightType.ofType(type.type())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(DirectoryType.class)
    void directoryExamplesValidateAndRoundTrip(DirectoryType type) throws IOException {
        assertThat(schema(type).validate(example(type))).as("%s example", type.type()).isEmpty();
        DirectoryEvent event = EventJson.read(text(type.exampleResource()), type);
        assertThat(DirectoryType.of(event)).isEqualTo(type);
        assertThat(EventJson.mapper().readTree(EventJson.write(event))).isEqualTo(example(type));
        assertThat(type.type()).matches("wenzheng\\.directory\\.[a-z-]+\\.v\\d+");
        assertThat(DirectoryType.ofType(type.type())).contains(type);
        assertThatThrownBy(() -> EventJson.read("{\"change\":\"ADDED\"}", type)).isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @EnumSource(UnitFeedType.class)
    void unitFeedExamplesValidateAndRoundTrip(UnitFeedType type) throws IOException {
        assertThat(schema(type).validate(example(type))).as("%s example", type.type()).isEmpty();
        UnitFeedEvent event = EventJson.read(text(type.exampleResource()), type);
        assertThat(UnitFeedType.of(event)).isEqualTo(type);
        assertThat(EventJson.mapper().readTree(EventJson.write(event))).isEqualTo(example(type));
        assertThat(type.type()).matches("wenzheng\\.unit\\.[a-z-]+\\.v\\d+");
        ObjectNode broken = (ObjectNode) example(type);
        broken.remove("petitionId");
        assertThat(schema(type).validate(broken)).isNotEmpty();
        assertThatThrownBy(() -> EventJson.read(broken.toString(), type)).isInstanceOf(MalformedEventException.class);
    }

    /** Departments code against v1: a newer intake may add fields to the feed, and a newer client to its commands. */
    @ParameterizedTest
    @EnumSource(UnitFeedType.class)
    void unitFeedEventsEvolveAdditively(UnitFeedType type) throws IOException {
        ObjectNode newer = (ObjectNode) example(type);
        newer.put("priority", "urgent");
        if (newer.has("petition")) {
            ((ObjectNode) newer.get("petition")).putArray("tags").add("新字段");
        }
        assertThat(schema(type).validate(newer)).as("%s with added fields", type.type()).isEmpty();
        assertThat(EventJson.read(newer.toString(), type)).isEqualTo(EventJson.read(text(type.exampleResource()), type));
    }

    @org.junit.jupiter.api.Test
    void unitCommandsFromANewerClientKeepTheirMeaning() throws IOException {
        ObjectNode newer = (ObjectNode) example(UnitCommandType.RESOLVE);
        newer.put("attachments", "https://example.org/photo.jpg");
        assertThat(schema(UnitCommandType.RESOLVE).validate(newer)).isEmpty();
        assertThat(UnitCommand.read(newer.toString()).text(UnitCommandType.RESOLVE))
                .isEqualTo(UnitCommand.read(text(UnitCommandType.RESOLVE.exampleResource())).text(UnitCommandType.RESOLVE));
    }

    @ParameterizedTest
    @EnumSource(UnitCommandType.class)
    void unitCommandExamplesValidateAndCarryTheirText(UnitCommandType type) throws IOException {
        assertThat(schema(type).validate(example(type))).as("%s example", type.type()).isEmpty();
        UnitCommand command = UnitCommand.read(text(type.exampleResource()));
        assertThat(command.petitionId()).isEqualTo("01JDQ8Z6X0ABCDEFGHJKMNPQRS");
        if (type.requiredText() == null) {
            assertThat(command.text(type)).isNull();
        } else {
            assertThat(command.text(type)).isNotBlank();
            ObjectNode broken = (ObjectNode) example(type);
            broken.remove(type.requiredText());
            assertThat(schema(type).validate(broken)).as("schema of %s without its text", type.type()).isNotEmpty();
            assertThatThrownBy(() -> UnitCommand.read(broken.toString()).text(type)).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining(type.requiredText());
        }
        assertThat(UnitCommandType.ofType(type.type())).contains(type);
    }

    @org.junit.jupiter.api.Test
    void commandTopicsAreOneUnitsEachAndTheDeadLetterIsNotOne() {
        var pattern = java.util.regex.Pattern.compile(Topics.UNIT_COMMANDS_PATTERN);
        assertThat(pattern.matcher(Topics.unitCommands("A3")).matches()).isTrue();
        assertThat(pattern.matcher(Topics.unitCommands("A-ENV")).matches()).isTrue();
        assertThat(pattern.matcher(Topics.UNIT_COMMANDS_DLQ).matches()).isFalse();
        assertThat(pattern.matcher(Topics.unitFeed("A3")).matches()).isFalse();
        assertThatThrownBy(() -> UnitCommand.read("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> UnitCommand.read("{\"message\":\"x\"}")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("petitionId");
    }

    @org.junit.jupiter.api.Test
    void garbageIsMalformedNotACrash() {
        assertThatThrownBy(() -> EventJson.read("{not json", PetitionReceived.class))
                .isInstanceOf(MalformedEventException.class);
        assertThat(Topics.coreWithDeadLetters()).contains("petition.lifecycle", "petition.lifecycle.dlq");
        assertThat(Topics.unitFeed("A-ENV")).isEqualTo("unit.A-ENV.feed");
    }

    private static Schema schema(CatalogueEntry type) throws IOException {
        return FACTORY.getSchema(text(type.schemaResource()));
    }

    private static JsonNode example(CatalogueEntry type) throws IOException {
        return EventJson.mapper().readTree(text(type.exampleResource()));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = ContractExamplesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
