package io.wenzheng.contracts;

/**
 * The data of a unit command. Which text it needs depends on its type ({@link UnitCommandType#requiredText()}).
 *
 * @param suggestedUnitCode for a transfer request: the unit this one believes is responsible (optional)
 */
public record UnitCommand(
        String petitionId,
        String message,
        String reason,
        String suggestedUnitCode) {

    /** The text the command's type requires; throws {@link MalformedEventException} when it is missing or blank. */
    public String text(UnitCommandType type) {
        if (type.requiredText() == null) {
            return null;
        }
        String text = "message".equals(type.requiredText()) ? message : reason;
        if (text == null || text.isBlank()) {
            throw new MalformedEventException(type.type() + " needs a non-empty \"" + type.requiredText() + "\"");
        }
        if (text.length() > 4000) {
            throw new MalformedEventException(type.type() + ": \"" + type.requiredText() + "\" is longer than 4000 characters");
        }
        return text.strip();
    }

    public static UnitCommand read(String json) {
        try {
            UnitCommand value = EventJson.mapper().readValue(json, UnitCommand.class);
            if (value == null || value.petitionId() == null || value.petitionId().isBlank()) {
                throw new MalformedEventException("command data has no petitionId");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedEventException("command data is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
