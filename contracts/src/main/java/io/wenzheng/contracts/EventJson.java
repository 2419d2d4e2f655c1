package io.wenzheng.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of event data: ISO-8601 instants, no nulls, unknown fields tolerated (changes are additive). */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(PetitionEvent event) {
        return writeData(event);
    }

    public static String write(InsightEvent event) {
        return writeData(event);
    }

    public static String write(UnitFeedEvent event) {
        return writeData(event);
    }

    public static UnitFeedEvent read(String json, UnitFeedType type) {
        try {
            UnitFeedEvent value = MAPPER.readValue(json, type.payload());
            if (value == null || value.petitionId() == null || value.petitionId().isBlank()) {
                throw new MalformedEventException("feed event data has no petitionId");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event data is not valid " + type.type() + ": " + e.getOriginalMessage());
        }
    }

    public static String write(DirectoryEvent event) {
        return writeData(event);
    }

    public static DirectoryEvent read(String json, DirectoryType type) {
        try {
            DirectoryEvent value = MAPPER.readValue(json, type.payload());
            if (value == null || value.key() == null || value.key().isBlank()) {
                throw new MalformedEventException("directory event data has no unit code or rule name");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event data is not valid " + type.type() + ": " + e.getOriginalMessage());
        }
    }

    private static String writeData(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event, e);
        }
    }

    /** Reads event data; throws {@link MalformedEventException} when it is not valid for the type. */
    public static <T extends PetitionEvent> T read(String json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null || value.petitionId() == null || value.petitionId().isBlank()) {
                throw new MalformedEventException("event data has no petitionId");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event data is not valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    public static InsightEvent read(String json, InsightType type) {
        try {
            InsightEvent value = MAPPER.readValue(json, type.payload());
            if (value == null || value.key() == null || value.key().isBlank()) {
                throw new MalformedEventException("insight data has no id");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event data is not valid " + type.type() + ": " + e.getOriginalMessage());
        }
    }

    public static PetitionEvent read(String json, EventType type) {
        return read(json, type.payload());
    }
}
