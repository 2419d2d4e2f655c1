package io.wenzheng.devstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a message board's real history (the shared data's {@code petitions-replied.tsv} layout) into the demo city's:
 * the anonymised places become the demo directory's, the dates move so that the newest message lies yesterday (the
 * span keeps its shape), and reply delays are compressed so that the one-hour pledge means something. The newest
 * messages become today's backlog: unanswered, received so that their deadlines fall due while you watch.
 *
 * <p>The ratings are synthetic (the board has none): most citizens rate, quick and full answers better than late or
 * boilerplate ones.
 */
public final class DemoHistory {
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The board's median reply (11.2 days) becomes this much of a petition's life in the demo. */
    static final Duration MEDIAN_REPLY = Duration.ofMinutes(45);
    private static final double BOARD_MEDIAN_SECONDS = 11.2 * 86_400;

    /** The anonymised places of the shared data, and the demo city's (deploy/demo/yinchuan/directory.json). */
    private static final Map<String, String> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put("西地省", "宁夏回族自治区");
        PLACES.put("A1区", "兴庆区");
        PLACES.put("A2区", "金凤区");
        PLACES.put("A3区", "西夏区");
        PLACES.put("A4区", "永宁县");
        PLACES.put("A5区", "贺兰县");
        PLACES.put("A6区", "灵武市");
        PLACES.put("A7县", "永宁县");
        PLACES.put("A8县", "贺兰县");
        PLACES.put("A9市", "灵武市");
        PLACES.put("A市", "银川市");
    }

    /** Some districts answer fast, some slowly: the league table needs a top and a bottom. */
    private static final Map<String, Double> PACE = Map.of("兴庆区", 0.5, "金凤区", 0.8, "西夏区", 1.6, "永宁县", 1.1, "贺兰县", 2.4,
            "灵武市", 0.9);

    /** One message of the source file. */
    public record Message(String id, String user, String subject, LocalDateTime time, String body, String reply, LocalDateTime replyTime) {
    }

    /** The demo file to import, and how many lines of it are today's open backlog. */
    /**
     * The demo's history in two files: the recent weeks first (what the dashboard, the league table and the reports
     * show), the older years after, while the city already works.
     */
    public record Demo(String recent, String older, int history, int backlog, LocalDate newestDay, List<Instant> received) {
        /** How many of its petitions were received on or after a day. */
        public long receivedSince(LocalDate day) {
            Instant from = day.atStartOfDay(CITY).toInstant();
            return received.stream().filter(at -> !at.isBefore(from)).count();
        }

        public int recentLines() {
            return (int) recent.lines().count() - 1;
        }

        public int olderLines() {
            return (int) older.lines().count() - 1;
        }
    }

    /** The recent weeks, imported first. */
    static final Duration RECENT = Duration.ofDays(35);
    /** The board's years become one: the busy last two land in the recent weeks, as in a city's own board. */
    static final Duration SPAN = Duration.ofDays(365);
    /** The answer given to a message the board published without one (the unlabelled file's). */
    static final String ANSWER = "网友您好！您反映的问题已收悉，已转交相关部门核实办理。经核查，相关单位已到现场处理，后续将加强日常监管。感谢您对我们工作的监督。";

    private DemoHistory() {
    }

    /** The board's other anonymised places (the province's other cities and their counties) become the demo city's too. */
    private static final java.util.regex.Pattern OTHER_PLACE = java.util.regex.Pattern.compile("(?<![A-Za-z0-9])([B-Z])(\\d{0,2})([区县市])");
    private static final Map<String, List<String>> DISTRICTS = Map.of("区", List.of("兴庆区", "金凤区", "西夏区"),
            "县", List.of("永宁县", "贺兰县"), "市", List.of("灵武市"));

    public static String place(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (var e : PLACES.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return OTHER_PLACE.matcher(out).replaceAll(m -> {
            if (m.group(2).isEmpty()) {
                return "银川市"; // another city of the province: the demo has one
            }
            List<String> names = DISTRICTS.get(m.group(3));
            return names.get(Math.floorMod((m.group(1) + m.group(2)).hashCode(), names.size()));
        });
    }

    /** Reads the file's messages: id, user, subject, time, body and, when there, reply and reply_time. Bad rows are skipped. */
    public static List<Message> read(String tsv) {
        String[] lines = tsv.split("\r?\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        int id = header.indexOf("id"), user = header.indexOf("user"), subject = header.indexOf("subject"), time = header.indexOf("time"),
                body = header.indexOf("body"), reply = header.indexOf("reply"), replyTime = header.indexOf("reply_time");
        List<Message> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split("\t", -1);
            try {
                LocalDateTime at = LocalDateTime.parse(c[time].strip(), LOCAL);
                String text = cell(c, body);
                if (text == null) {
                    continue;
                }
                String r = cell(c, reply);
                String rt = cell(c, replyTime);
                out.add(new Message(cell(c, id), cell(c, user), cell(c, subject), at, text, r,
                        r == null || rt == null ? null : LocalDateTime.parse(rt, LOCAL)));
            } catch (RuntimeException e) {
                // a row the board left broken: the demo does without it
            }
        }
        return out;
    }

    /**
     * @param now        the demo's start
     * @param backlog    how many of the newest messages become today's open cases
     * @param dueOf      the first-response deadline sla gives a petition received at an instant (its preview)
     */
    public static Demo of(List<Message> messages, Instant now, int backlog, Function<Instant, Instant> dueOf) {
        List<Message> sorted = messages.stream().sorted(Comparator.comparing(Message::time)).toList();
        LocalDate yesterday = now.atZone(CITY).toLocalDate().minusDays(1);
        LocalDate newest = sorted.get(sorted.size() - 1).time().toLocalDate();
        long span = Math.max(1, ChronoUnit.DAYS.between(sorted.get(0).time().toLocalDate(), newest));
        double squeeze = Math.min(1.0, SPAN.toDays() / (double) span);
        // The answers the board gave: messages without one get one of these delays, in turn.
        List<Long> delays = sorted.stream().filter(m -> m.replyTime() != null)
                .map(m -> Math.max(60, Duration.between(m.time(), m.replyTime()).toSeconds())).toList();
        int open = Math.min(backlog, sorted.size() / 10);
        List<Message> history = sorted.subList(0, sorted.size() - open);
        String header = "id\tuser\tsubject\ttime\tbody\treply\treply_time\trating\n";
        StringBuilder recent = new StringBuilder(header);
        StringBuilder older = new StringBuilder(header);
        Instant recentFrom = now.minus(RECENT);
        List<Instant> receipts = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Message m = history.get(i);
            long daysBefore = Math.round(ChronoUnit.DAYS.between(m.time().toLocalDate(), newest) * squeeze);
            Instant received = yesterday.minusDays(daysBefore).atTime(m.time().toLocalTime()).atZone(CITY).toInstant();
            receipts.add(received);
            StringBuilder out = received.isBefore(recentFrom) ? older : recent;
            String body = place(m.body());
            out.append(cells(m.id(), m.user(), place(m.subject()), received, body));
            double seconds = m.replyTime() != null ? Math.max(60, Duration.between(m.time(), m.replyTime()).toSeconds())
                    : delays.isEmpty() ? BOARD_MEDIAN_SECONDS : delays.get(i % delays.size());
            String reply = m.reply() != null ? place(m.reply()) : ANSWER;
            Instant replied = received.plusSeconds(Math.round(seconds / BOARD_MEDIAN_SECONDS * MEDIAN_REPLY.toSeconds() * pace(body)));
            if (replied.isAfter(now)) {
                replied = now;
            }
            out.append('\t').append(clean(reply)).append('\t').append(LOCAL.format(replied.atZone(CITY)));
            out.append('\t').append(rating(m, reply, Duration.between(received, replied)));
            out.append('\n');
        }
        List<Message> today = sorted.subList(sorted.size() - open, sorted.size());
        for (int i = 0; i < today.size(); i++) {
            // Deadlines from a quarter of an hour ago to three quarters of an hour from now: breaches and warnings while you watch.
            Instant due = now.minus(Duration.ofMinutes(15)).plus(Duration.ofMinutes(60L * i / Math.max(1, today.size())));
            Message m = today.get(i);
            Instant received = receivedFor(due, now, dueOf);
            receipts.add(received);
            recent.append(cells(m.id(), m.user(), place(m.subject()), received, place(m.body()))).append("\t\t\t\n");
        }
        return new Demo(recent.toString(), older.toString(), history.size(), today.size(), yesterday, receipts);
    }

    /** The latest receipt, at most now, whose first-response deadline is no later than {@code due}. */
    static Instant receivedFor(Instant due, Instant now, Function<Instant, Instant> dueOf) {
        Instant best = null;
        for (Instant at = now.truncatedTo(ChronoUnit.MINUTES); at.isAfter(now.minus(Duration.ofHours(72))); at = at.minus(Duration.ofMinutes(5))) {
            if (!dueOf.apply(at).isAfter(due)) {
                best = at;
                break;
            }
        }
        return best == null ? now.minus(Duration.ofHours(72)) : best;
    }

    private static double pace(String body) {
        for (var e : PACE.entrySet()) {
            if (body.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return 1.0;
    }

    /** Two citizens in three rate; a quick, full answer pleases, a late or boilerplate one does not. */
    static String rating(Message m, String reply, Duration taken) {
        int hash = Math.floorMod((m.user() + m.time()).hashCode(), 100);
        if (hash >= 66) {
            return "";
        }
        double share = taken.toSeconds() / (double) Duration.ofHours(1).toSeconds();
        int rating = share <= 0.5 ? 5 : share <= 1 ? 4 : share <= 3 ? 3 : 2;
        if (reply.length() < 30) {
            rating = Math.min(rating, 2);
        }
        if (hash % 7 == 0) {
            rating = Math.max(1, rating - 1);
        }
        return String.valueOf(rating);
    }

    private static String cells(String id, String user, String subject, Instant received, String body) {
        return String.join("\t", id == null ? "" : id, user == null ? "" : user, clean(subject), LOCAL.format(received.atZone(CITY)), clean(body));
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }

    private static String cell(String[] cells, int index) {
        return index < 0 || index >= cells.length || cells[index].isBlank() ? null : cells[index].strip();
    }
}
