package io.wenzheng.routing.directory;

/** A unit's approximate territory as a circle: enough to place a petition that comes with coordinates. */
public record GeoArea(double latitude, double longitude, double radiusKm) {
    private static final double EARTH_RADIUS_KM = 6371.0;

    public GeoArea {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || radiusKm <= 0) {
            throw new IllegalArgumentException("latitude in [-90, 90], longitude in [-180, 180] and a positive radius, was "
                    + latitude + ", " + longitude + ", " + radiusKm);
        }
    }

    /** Great-circle distance from the centre (haversine). */
    public double distanceKm(double lat, double lon) {
        double dLat = Math.toRadians(lat - latitude);
        double dLon = Math.toRadians(lon - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public boolean contains(double lat, double lon) {
        return distanceKm(lat, lon) <= radiusKm;
    }
}
