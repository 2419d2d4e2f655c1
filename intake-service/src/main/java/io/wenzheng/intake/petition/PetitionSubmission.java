package io.wenzheng.intake.petition;

import io.wenzheng.contracts.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a citizen (or a channel adapter on their behalf) submits. */
public record PetitionSubmission(
        @NotNull Channel channel,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 10000) String text,
        @Valid Place location,
        @Valid Contact contact,
        @Size(max = 9, message = "at most 9 pictures")
        java.util.List<@NotBlank @Size(max = 2000) @jakarta.validation.constraints.Pattern(regexp = "^https?://\\S+$",
                message = "must be an http(s) URL") String> attachments) {

    public PetitionSubmission {
        attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
    }

    /** A petition without pictures. */
    public PetitionSubmission(Channel channel, String subject, String text, Place location, Contact contact) {
        this(channel, subject, text, location, contact, java.util.List.of());
    }

    public record Place(
            @Size(max = 500) String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        @AssertTrue(message = "give an address, or latitude and longitude together")
        public boolean isAddressOrCoordinates() {
            boolean hasAddress = address != null && !address.isBlank();
            boolean hasCoordinates = latitude != null && longitude != null;
            boolean halfCoordinates = (latitude == null) != (longitude == null);
            return !halfCoordinates && (hasAddress || hasCoordinates);
        }
    }

    public record Contact(
            @Size(max = 50) String name,
            @Pattern(regexp = "^\\+?[0-9][0-9 -]{4,19}$", message = "must be a phone number") String phone) {
    }
}
