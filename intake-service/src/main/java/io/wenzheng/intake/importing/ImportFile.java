package io.wenzheng.intake.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventJson;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an earlier system's petitions, TSV with a header or JSON lines, and checks every line before any is imported.
 * A bad line is rejected with its reason; the others go on.
 */
public final class ImportFile {
    public enum Format { TSV, JSON_LINES }

    public record Rejection(int line, String reason) {
    }

    public record Parsed(Format format, List<ImportRecord> records, List<Rejection> rejections) {
        public int total() {
            return records.size() + rejections.size();
        }
    }

    /** A line that cannot be imported, and why, in words an administrator can act on. */
    static final class BadLine extends RuntimeException {
        BadLine(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int MAX_TEXT = 10_000;
    private static final int MAX_SUBJECT = 200;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-M-d H:mm[:ss]");
    private static final DateTimeFormatter LOCAL_SLASHES = DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]");
    private static final Map<String, Channel> CHANNEL_NAMES = Map.ofEntries(
            Map.entry("网站", Channel.WEB), Map.entry("网页", Channel.WEB), Map.entry("留言板", Channel.WEB),
            Map.entry("微博", Channel.WEIBO), Map.entry("微信", Channel.WECHAT), Map.entry("支付宝", Channel.ALIPAY),
            Map.entry("热线", Channel.HOTLINE), Map.entry("12345", Channel.HOTLINE));

    private final ZoneId zone;
    private final Instant now;

    /** @param now nothing can have happened after it */
    public ImportFile(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    /** TSV unless the first non-blank character opens a JSON object. */
    public Parsed parse(String content) {
        String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return body.stripLeading().startsWith("{") ? jsonLines(body) : tsv(body);
    }

    private Parsed tsv(String content) {
        String[] lines = content.split("\r?\n", -1);
        List<ImportRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        if (lines.length == 0 || lines[0].isBlank()) {
            return new Parsed(Format.TSV, records, List.of(new Rejection(1, "the file is empty: a header naming the columns comes first")));
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines[0].split("\t", -1);
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
        if (column(columns, "time", "received_at", "receivedat") < 0 || column(columns, "body", "text") < 0) {
            return new Parsed(Format.TSV, records, List.of(new Rejection(1,
                    "the header must name a received time (time or received_at) and a text (body or text); it names " + String.join(", ", header))));
        }
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] cells = lines[n].split("\t", -1);
            Map<String, String> fields = new HashMap<>();
            columns.forEach((name, index) -> {
                if (index < cells.length && !cells[index].isBlank()) {
                    fields.put(name, cells[index].strip());
                }
            });
            int lineNo = n + 1;
            try {
                records.add(fromFields(lineNo, fields, List.of()));
            } catch (BadLine e) {
                rejections.add(new Rejection(lineNo, e.getMessage()));
            }
        }
        return new Parsed(Format.TSV, records, rejections);
    }

    private Parsed jsonLines(String content) {
        String[] lines = content.split("\r?\n", -1);
        List<ImportRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            int lineNo = n + 1;
            try {
                JsonNode node;
                try {
                    node = EventJson.mapper().readTree(lines[n]);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new BadLine("not a JSON object: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new BadLine("not a JSON object");
                }
                Map<String, String> fields = new HashMap<>();
                node.fields().forEachRemaining(f -> {
                    if (f.getValue().isValueNode() && !f.getValue().isNull() && !f.getValue().asText().isBlank()) {
                        fields.put(f.getKey().toLowerCase(Locale.ROOT), f.getValue().asText().strip());
                    }
                });
                List<ImportRecord.Reply> replies = new ArrayList<>();
                JsonNode list = node.get("replies");
                if (list != null && !list.isNull()) {
                    if (!list.isArray()) {
                        throw new BadLine("replies must be a list of {at, text}");
                    }
                    for (JsonNode reply : list) {
                        replies.add(new ImportRecord.Reply(time(reply.path("at").asText(null), "a reply's at"),
                                requireText(reply.path("text").asText(null), "a reply's text")));
                    }
                }
                records.add(fromFields(lineNo, fields, replies));
            } catch (BadLine e) {
                rejections.add(new Rejection(lineNo, e.getMessage()));
            }
        }
        return new Parsed(Format.JSON_LINES, records, rejections);
    }

    private ImportRecord fromFields(int lineNo, Map<String, String> f, List<ImportRecord.Reply> listed) {
        Instant received = time(first(f, "time", "received_at", "receivedat"), "the received time");
        if (received.isAfter(now)) {
            throw new BadLine("the received time " + first(f, "time", "received_at", "receivedat") + " lies in the future");
        }
        String text = requireText(first(f, "body", "text"), "the text");
        if (text.length() > MAX_TEXT) {
            throw new BadLine("the text has " + text.length() + " characters; at most " + MAX_TEXT);
        }
        String subject = first(f, "subject", "title");
        if (subject != null && subject.length() > MAX_SUBJECT) {
            throw new BadLine("the subject has " + subject.length() + " characters; at most " + MAX_SUBJECT);
        }
        List<ImportRecord.Reply> replies = new ArrayList<>(listed);
        String reply = first(f, "reply");
        String replyTime = first(f, "reply_time", "replied_at", "repliedat", "first_response_at", "firstresponseat");
        if (reply != null || replyTime != null) {
            if (reply == null || replyTime == null) {
                throw new BadLine("a reply needs both its text (reply) and its time (reply_time)");
            }
            replies.add(0, new ImportRecord.Reply(time(replyTime, "the reply time"), reply));
        }
        replies.sort(java.util.Comparator.comparing(ImportRecord.Reply::at));
        for (ImportRecord.Reply r : replies) {
            if (r.at().isBefore(received)) {
                throw new BadLine("a reply (" + r.at() + ") is dated before the petition (" + received + ")");
            }
            if (r.at().isAfter(now)) {
                throw new BadLine("a reply is dated in the future (" + r.at() + ")");
            }
        }
        Instant resolved = null;
        String resolvedText = first(f, "resolved_at", "resolvedat", "resolution_time");
        if (resolvedText != null) {
            resolved = time(resolvedText, "the resolution time");
        } else if (!replies.isEmpty() && !f.containsKey("status")) {
            // A message board's answer closes the message: its reply time is its resolution.
            resolved = replies.get(replies.size() - 1).at();
        }
        if (resolved != null && (resolved.isBefore(received) || resolved.isAfter(now))) {
            throw new BadLine("the resolution time " + resolved + " is not between the received time and now");
        }
        Integer rating = null;
        String ratingText = first(f, "rating");
        if (ratingText != null) {
            try {
                rating = Integer.valueOf(ratingText);
            } catch (NumberFormatException e) {
                rating = -1;
            }
            if (rating < 1 || rating > 5) {
                throw new BadLine("the rating must be a whole number from 1 to 5, not " + ratingText);
            }
            if (resolved == null) {
                throw new BadLine("a rating without a resolution: only a closed petition is rated");
            }
        }
        return new ImportRecord(lineNo, received, channel(first(f, "channel")), subject, text, first(f, "category"),
                first(f, "unit", "unit_code", "unitcode"), first(f, "user", "citizen", "citizen_ref", "citizenref"), replies, resolved, rating);
    }

    private static Channel channel(String value) {
        if (value == null) {
            return Channel.WEB;
        }
        Channel named = CHANNEL_NAMES.get(value);
        if (named != null) {
            return named;
        }
        try {
            return Channel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLine("unknown channel " + value + "; one of " + java.util.Arrays.toString(Channel.values()) + " or 网站, 微博, 微信, 支付宝, 热线");
        }
    }

    /** An instant with an offset, or a local time in the city's zone. */
    Instant time(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadLine(what + " is missing");
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // not an instant with an offset: a local time then
        }
        for (DateTimeFormatter format : List.of(LOCAL, LOCAL_SLASHES, DateTimeFormatter.ISO_LOCAL_DATE_TIME)) {
            try {
                return LocalDateTime.parse(v, format).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        throw new BadLine(what + " '" + v + "' is not a time (2019-04-25 09:32:09, or ISO 8601 with an offset)");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadLine(what + " is empty");
        }
        return value.strip();
    }

    private static String first(Map<String, String> fields, String... names) {
        for (String name : names) {
            String v = fields.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static int column(Map<String, Integer> columns, String... names) {
        for (String name : names) {
            Integer i = columns.get(name);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }
}
