package io.wenzheng.sla.cli;

import io.wenzheng.contracts.TimeBasis;
import io.wenzheng.sla.calendar.CalendarRegions;
import io.wenzheng.sla.calendar.HolidayData;
import io.wenzheng.sla.calendar.WorkCalendar;
import io.wenzheng.sla.pledge.PetitionDeadlines;
import io.wenzheng.sla.pledge.PolicyBook;
import io.wenzheng.sla.pledge.SlaRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * {@code ./wenzheng deadline}: the default region's deadlines for receipt instants, one JSON object per line.
 * Needs no running service.
 */
public final class DeadlineCli {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final SlaRules rules;

    public DeadlineCli(WorkCalendar calendar) {
        this.rules = new SlaRules(CalendarRegions.single(calendar), PolicyBook.standard());
    }

    public static void main(String[] args) throws IOException {
        DeadlineCli cli = new DeadlineCli(HolidayData.defaultCalendar());
        int errors;
        if (args.length == 2 && args[0].equals("--received")) {
            errors = cli.answer(args[1], System.out);
        } else if (args.length == 0) {
            errors = cli.run(System.in, System.out);
        } else {
            System.err.println("usage: deadline [--received ISO-8601]   (without --received: one instant per line on stdin, "
                    + "optionally a TAB and a category)");
            errors = 1;
        }
        System.out.flush();
        System.exit(errors == 0 ? 0 : 1);
    }

    /** Answers every line of the input; returns how many lines were wrong. */
    public int run(InputStream input, PrintStream out) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        int errors = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                errors += answer(line, out);
            }
        }
        return errors;
    }

    int answer(String line, PrintStream out) {
        String[] parts = line.strip().split("\t", 2);
        String category = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
        try {
            Instant received = OffsetDateTime.parse(parts[0].strip(), ISO).toInstant();
            PetitionDeadlines deadlines = rules.deadlines(null, category);
            PetitionDeadlines.FirstResponse first = deadlines.firstResponse(received);
            Instant resolve = deadlines.resolutionDue(received);
            Instant last = resolve.isAfter(first.dueAt()) ? resolve : first.dueAt();
            out.println("{\"receivedAt\":\"" + format(received) + "\",\"window\":\""
                    + (first.basis() == TimeBasis.WORKING_TIME ? "WORKING" : "REST")
                    + "\",\"firstResponseDue\":\"" + format(first.dueAt())
                    + "\",\"resolutionDue\":\"" + format(resolve)
                    + "\",\"calendar\":\"" + deadlines.calendarBetween(received, last) + "\"}");
            return 0;
        } catch (DateTimeParseException e) {
            return error(out, line, "not an ISO-8601 instant with an offset, such as 2026-11-27T10:15:00+08:00");
        } catch (RuntimeException e) {
            return error(out, line, e.getMessage());
        }
    }

    private static int error(PrintStream out, String line, String message) {
        out.println("{\"input\":\"" + escape(line) + "\",\"error\":\"" + escape(message) + "\"}");
        return 1;
    }

    private static String format(Instant instant) {
        return ISO.format(instant.atOffset(CHINA));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t");
    }
}
