package io.wenzheng.analytics.hotspot.cli;

import io.wenzheng.analytics.hotissue.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads messages from TSV with a header. It needs id, subject, time and body; user, likes and dislikes are read
 * when present. The board's own Chinese headers (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 点赞数, 反对数) are
 * read too, and times as the board writes them ("2019/1/6 13:15:56") as well as ISO-like ones.
 */
final class MessageTable {
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> ALIASES = Map.of("留言编号", "id", "留言用户", "user", "留言主题", "subject",
            "留言时间", "time", "留言详情", "body", "点赞数", "likes", "反对数", "dislikes");
    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("y/M/d H:m:s"),
            DateTimeFormatter.ofPattern("y/M/d H:m"), DateTimeFormatter.ofPattern("y-M-d H:m:s"), DateTimeFormatter.ofPattern("y-M-d H:m"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("y/M/d"), DateTimeFormatter.ofPattern("y-M-d"));

    /** Messages and the rows that could not be read, with why. */
    record Read(List<Message> messages, List<String> skipped) {
    }

    private MessageTable() {
    }

    static Read read(Path file) throws IOException {
        List<Message> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            List<String> header = Arrays.stream(headerLine.replace("\uFEFF", "").split("\t", -1))
                    .map(String::strip).map(h -> ALIASES.getOrDefault(h, h)).toList();
            int id = header.indexOf("id");
            int subject = header.indexOf("subject");
            int time = header.indexOf("time");
            int body = header.indexOf("body");
            int user = header.indexOf("user");
            int likes = header.indexOf("likes");
            if (id < 0 || subject < 0 || time < 0 || body < 0) {
                throw new IllegalArgumentException(file + " needs a header naming the columns id, subject, time and body; it has " + header);
            }
            int needed = Math.max(Math.max(id, subject), Math.max(time, body));
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length <= needed) {
                    skipped.add(file.getFileName() + " row " + row + ": " + f.length + " columns, the header names " + header.size());
                    continue;
                }
                LocalDateTime when = time(f[time]);
                if (when == null) {
                    skipped.add(file.getFileName() + " row " + row + ": time '" + f[time] + "' is not a date and time");
                    continue;
                }
                String citizen = user >= 0 && user < f.length ? f[user].strip() : null;
                out.add(new Message(f[id].strip(), citizen == null || citizen.isEmpty() ? null : citizen, f[subject].strip(),
                        f[body].strip(), when.atZone(CITY).toInstant(), likes >= 0 && likes < f.length ? count(f[likes]) : 0));
            }
        }
        return new Read(out, skipped);
    }

    static LocalDateTime time(String raw) {
        String text = raw.strip().replaceFirst("\\.\\d+$", "");
        for (DateTimeFormatter f : TIMES) {
            try {
                return LocalDateTime.parse(text, f);
            } catch (DateTimeParseException e) {
                // the next layout
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f).atStartOfDay();
            } catch (DateTimeParseException e) {
                // the next layout
            }
        }
        return null;
    }

    private static int count(String raw) {
        try {
            return Math.max(0, (int) Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
