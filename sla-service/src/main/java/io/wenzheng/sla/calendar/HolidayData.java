package io.wenzheng.sla.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads holiday files in the widely used holiday-cn format, {@code {"year":2026,"days":[{"name","date","isOffDay"}]}}.
 * Adding a year is adding a file; a year without one gets a provisional calendar from the statutory rules.
 */
public final class HolidayData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_YEAR_LOOKED_FOR = 2000;
    private static final int LAST_YEAR_LOOKED_FOR = 2100;
    private HolidayData() {
    }

    public static HolidayYear parse(InputStream json) throws IOException {
        return parse(json, YearSource.BUNDLED);
    }

    /**
     * Reads and checks a notice: an integer year, every date an ISO date inside that year and listed once, a boolean
     * {@code isOffDay}, and make-up working days only on Saturdays and Sundays. The message of an
     * {@link InvalidNoticeException} names the bad entry.
     */
    public static HolidayYear parse(InputStream json, YearSource source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidNoticeException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("year").isInt() || !root.path("days").isArray()) {
            throw new InvalidNoticeException("not a holiday-cn file: it needs an integer 'year' and an array 'days'");
        }
        int year = root.get("year").asInt();
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        int index = 0;
        for (JsonNode day : root.get("days")) {
            String where = "days[" + index++ + "]";
            if (!day.path("date").isTextual()) {
                throw new InvalidNoticeException(where + " needs a 'date' such as \"" + year + "-10-01\"");
            }
            if (!day.path("isOffDay").isBoolean()) {
                throw new InvalidNoticeException(where + " (" + day.path("date").asText() + "): 'isOffDay' must be true or false");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(day.get("date").asText());
            } catch (DateTimeParseException e) {
                throw new InvalidNoticeException(where + ": '" + day.get("date").asText() + "' is not an ISO date such as " + year + "-10-01");
            }
            if (date.getYear() != year) {
                throw new InvalidNoticeException(where + ": " + date + " is not in " + year);
            }
            if (off.contains(date) || work.contains(date)) {
                throw new InvalidNoticeException(where + ": " + date + " is listed twice");
            }
            boolean isOff = day.get("isOffDay").asBoolean();
            if (!isOff && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidNoticeException(where + ": " + date + " is a " + date.getDayOfWeek().toString().toLowerCase()
                        + ", but a make-up working day (isOffDay false) can only be a Saturday or a Sunday");
            }
            (isOff ? off : work).add(date);
        }
        return new HolidayYear(year, off, work, source);
    }

    /** A holiday notice that cannot be used; the message says which entry and why. */
    public static final class InvalidNoticeException extends IOException {
        public InvalidNoticeException(String message) {
            super(message);
        }
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
