package io.wenzheng.sla.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads holiday files in the widely used holiday-cn format, {@code {"year":2026,"days":[{"name","date","isOffDay"}]}}.
 * Adding a year is adding a file.
 */
public final class HolidayData {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The years shipped with the service for region {@code cn}, from the State Council notices. */
    public static final List<Integer> BUNDLED_YEARS = List.of(2025, 2026);

    private HolidayData() {
    }

    public static HolidayYear parse(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.path("year").isInt() || !root.path("days").isArray()) {
            throw new IOException("not a holiday-cn file: it needs an integer 'year' and an array 'days'");
        }
        int year = root.get("year").asInt();
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        for (JsonNode day : root.get("days")) {
            if (!day.path("date").isTextual() || !day.path("isOffDay").isBoolean()) {
                throw new IOException("each day needs a 'date' and a boolean 'isOffDay': " + day);
            }
            LocalDate date = LocalDate.parse(day.get("date").asText());
            (day.get("isOffDay").asBoolean() ? off : work).add(date);
        }
        return new HolidayYear(year, off, work);
    }

    /** The default calendar of the city: Asia/Shanghai, standard office hours, the bundled holiday years. */
    public static WorkCalendar defaultCalendar() {
        Map<Integer, HolidayYear> years = new HashMap<>();
        for (int year : BUNDLED_YEARS) {
            String resource = "/calendar/cn/" + year + ".json";
            try (InputStream in = HolidayData.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                years.put(year, parse(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        return new WorkCalendar("cn", ZoneId.of("Asia/Shanghai"), WorkCalendar.STANDARD_HOURS, List.of(), years);
    }
}
