package io.wenzheng.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.wenzheng.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Hands a file of historical petitions to intake's import and follows the job until it is done. */
public final class HistoryUpload {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intakeUrl;
    private final Supplier<String> adminToken;

    public HistoryUpload(String intakeUrl, Supplier<String> adminToken) {
        this.intakeUrl = intakeUrl;
        this.adminToken = adminToken;
    }

    /** Where an import stands. */
    public record Progress(String jobId, String status, int total, int accepted, int rejected, int duplicates, int imported, double percent,
                           Double ratePerSecond, JsonNode rejections) {
        public boolean done() {
            return "DONE".equals(status);
        }

        static Progress of(JsonNode job) {
            return new Progress(job.path("id").asText(), job.path("status").asText(), job.path("total").asInt(), job.path("accepted").asInt(),
                    job.path("rejected").asInt(), job.path("duplicates").asInt(), job.path("imported").asInt(), job.path("percent").asDouble(),
                    job.path("ratePerSecond").isNumber() ? job.path("ratePerSecond").asDouble() : null, job.path("rejections"));
        }

        /** One line for a terminal: a bar, the counts and the rate. */
        public String bar() {
            int width = 30;
            int filled = (int) Math.round(percent / 100 * width);
            return String.format("[%s%s] %5.1f%%  %d/%d imported%s  %d rejected  %d already there", "#".repeat(filled), ".".repeat(width - filled),
                    percent, imported, accepted, ratePerSecond == null ? "" : String.format("  %.0f/s", ratePerSecond), rejected, duplicates);
        }
    }

    /** The services take no request body over 1 MB; a file is sent in parts of whole lines below it. */
    static final int PART_BYTES = 900_000;

    /**
     * Imports a file of any size: in parts below the request limit, one job each, one after the other. The progress
     * is the whole file's, and rejected lines carry the file's own line numbers.
     */
    public Progress importFile(String content, Duration timeout, Consumer<Progress> each) {
        String body = content.startsWith("\uFEFF") ? content.substring(1) : content;
        boolean tsv = !body.stripLeading().startsWith("{");
        List<String> lines = body.lines().toList();
        String header = tsv && !lines.isEmpty() ? lines.get(0) : null;
        int first = tsv ? 1 : 0;
        List<int[]> parts = new ArrayList<>(); // [first line index, end index)
        int start = first;
        long bytes = 0;
        for (int i = first; i < lines.size(); i++) {
            long size = lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1L;
            if (i > start && bytes + size > PART_BYTES) {
                parts.add(new int[] {start, i});
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        parts.add(new int[] {start, Math.max(start, lines.size())});
        Progress done = null;
        List<Progress> finished = new ArrayList<>();
        for (int[] part : parts) {
            StringBuilder text = new StringBuilder();
            if (header != null) {
                text.append(header).append('\n');
            }
            for (int i = part[0]; i < part[1]; i++) {
                text.append(lines.get(i)).append('\n');
            }
            // A part's line n is the file's line part[0] + n - (header ? 1 : 0), counting from 1.
            int offset = part[0] - (header != null ? 1 : 0);
            Progress sent = send(text.toString());
            done = follow(sent, timeout, p -> each.accept(sum(finished, p)));
            finished.add(shifted(done, offset));
        }
        return sum(finished.subList(0, finished.size() - 1), finished.get(finished.size() - 1));
    }

    private static Progress shifted(Progress p, int offset) {
        var rejections = EventJson.mapper().createArrayNode();
        for (JsonNode r : p.rejections()) {
            rejections.addObject().put("line", r.path("line").asInt() + offset).put("reason", r.path("reason").asText());
        }
        return new Progress(p.jobId(), p.status(), p.total(), p.accepted(), p.rejected(), p.duplicates(), p.imported(), p.percent(),
                p.ratePerSecond(), rejections);
    }

    /** The parts done and the one in flight, as one import. */
    private static Progress sum(List<Progress> done, Progress current) {
        if (done.isEmpty()) {
            return current;
        }
        List<Progress> all = new ArrayList<>(done);
        all.add(current);
        int accepted = all.stream().mapToInt(Progress::accepted).sum();
        int imported = all.stream().mapToInt(Progress::imported).sum();
        var rejections = EventJson.mapper().createArrayNode();
        all.forEach(p -> p.rejections().forEach(rejections::add));
        return new Progress(String.join(",", all.stream().map(Progress::jobId).toList()), current.status(),
                all.stream().mapToInt(Progress::total).sum(), accepted, all.stream().mapToInt(Progress::rejected).sum(),
                all.stream().mapToInt(Progress::duplicates).sum(), imported,
                accepted == 0 ? 100.0 : Math.floor(1000.0 * imported / accepted) / 10.0, current.ratePerSecond(), rejections);
    }

    /** Sends one request's worth (under 1 MB); answers the job as intake first reports it. */
    public Progress send(String content) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/admin/imports"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", content.stripLeading().startsWith("{") ? "application/x-ndjson" : "text/tab-separated-values")
                .header("Authorization", "Bearer " + adminToken.get())
                .POST(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)).build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("intake refused the import: HTTP " + response.statusCode() + " " + response.body());
        }
        return Progress.of(json(response.body()));
    }

    public Progress status(String jobId) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/admin/imports/" + jobId))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken.get()).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import " + jobId + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return Progress.of(json(response.body()));
    }

    /** Follows a job until it is done, telling {@code each} every half second; a service restart in between is waited out. */
    public Progress follow(Progress started, Duration timeout, Consumer<Progress> each) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress last = started;
        each.accept(last);
        while (!last.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("import " + started.jobId() + " not done after " + timeout + ": " + last.bar());
            }
            sleep(500);
            try {
                last = status(started.jobId());
            } catch (IllegalStateException e) {
                continue; // intake restarting: the job resumes where it stopped
            }
            each.accept(last);
        }
        return last;
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("intake at " + intakeUrl + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** Waits, as the demo's polling loops do; an interrupt ends the wait and the caller's work. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
