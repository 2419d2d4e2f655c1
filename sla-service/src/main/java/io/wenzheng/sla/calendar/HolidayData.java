package io.wenzheng.sla.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads holiday files in the widely used holiday-cn format, {@code {"year":2026,"days":[{"name","date","isOffDay"}]}}.
 * Adding a year is adding a file.
 */
public final class HolidayData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_YEAR_LOOKED_FOR = 2000;
    private static final int LAST_YEAR_LOOKED_FOR = 2100;
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

    /**
     * Every year of a bundled holiday set, {@code calendar/<set>/<year>.json} on the classpath. Years are found by
     * looking, so shipping a new year is adding its file.
     */
    public static Map<Integer, HolidayYear> bundled(String set) {
        Map<Integer, HolidayYear> years = new HashMap<>();
        for (int year = FIRST_YEAR_LOOKED_FOR; year <= LAST_YEAR_LOOKED_FOR; year++) {
            String resource = "/calendar/" + set + "/" + year + ".json";
            try (InputStream in = HolidayData.class.getResourceAsStream(resource)) {
                if (in != null) {
                    years.put(year, checkedYear(parse(in), year, resource));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
            }
        }
        if (years.isEmpty()) {
            throw new IllegalStateException("no holiday files for set '" + set + "' on the classpath");
        }
        return years;
    }

    /** Every {@code *.json} holiday-cn file of a directory, by year. */
    public static Map<Integer, HolidayYear> directory(Path dir) {
        Map<Integer, HolidayYear> years = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    HolidayYear year = parse(in);
                    if (years.put(year.year(), year) != null) {
                        throw new IllegalStateException("two files for " + year.year() + " in " + dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read holiday directory " + dir + ": " + e.getMessage(), e);
        }
        return years;
    }

    private static HolidayYear checkedYear(HolidayYear parsed, int expected, String where) throws IOException {
        if (parsed.year() != expected) {
            throw new IOException(where + " says it is year " + parsed.year());
        }
        return parsed;
    }

    /** The default calendar of the city: Asia/Shanghai, standard office hours, the bundled holiday years. */
    public static WorkCalendar defaultCalendar() {
        return defaultCalendar("cn");
    }

    /** The standard calendar under another region name. */
    public static WorkCalendar defaultCalendar(String region) {
        return new WorkCalendar(region, ZoneId.of("Asia/Shanghai"), WorkCalendar.STANDARD_HOURS, List.of(), bundled("cn"));
    }
}
