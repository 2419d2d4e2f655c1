package io.wenzheng.routing.decision;

/** What a petition says about where it is: its words (subject, text, address) and any coordinates it came with. */
public record PlaceClues(String text, Double latitude, Double longitude) {

    public static PlaceClues of(String subject, String body, String address, Double latitude, Double longitude) {
        String text = (subject == null ? "" : subject + " ") + (body == null ? "" : body) + (address == null ? "" : " " + address);
        return new PlaceClues(text, latitude, longitude);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
