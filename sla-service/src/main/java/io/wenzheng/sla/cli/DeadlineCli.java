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
import java.util.concurrent.Callable;
import io.wenzheng.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./wenzheng deadline}: the default region's deadlines for receipt instants, one JSON object per line.
 * Needs no running service.
 */
@Command(name = "wenzheng deadline", mixinStandardHelpOptions = true,
        description = {"First-response and resolution deadlines under the pledge, in the default region's calendar,",
                "one JSON object per line. Needs no running service."},
        footer = {"", "Without --received: one instant per line on stdin, optionally a TAB and a category, e.g.",
                "  printf '2026-12-31T17:30:00+08:00\\t城乡建设\\n' | ./wenzheng deadline"})
public final class DeadlineCli implements Callable<Integer> {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Option(names = "--received", paramLabel = "ISO-8601", description = "one receipt instant with its offset, such as 2026-12-31T17:30:00+08:00")
    String received;

    private SlaRules rules;

    DeadlineCli() {
    }

    public DeadlineCli(WorkCalendar calendar) {
        this.rules = new SlaRules(CalendarRegions.single(calendar), PolicyBook.standard());
    }

    public static void main(String[] args) {
        Cli.exit(new DeadlineCli(), args);
    }

    @Override
    public Integer call() throws IOException {
        if (rules == null) {
            rules = new SlaRules(CalendarRegions.single(HolidayData.defaultCalendar()), PolicyBook.standard());
        }
        int errors = received != null ? answer(received, System.out) : run(System.in, System.out);
        System.out.flush();
        return errors == 0 ? 0 : Cli.FAILED;
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
