package io.wenzheng.contracts;

/** A place named by the citizen: an address, coordinates, or both. */
public record Location(String address, Double latitude, Double longitude) {
}
