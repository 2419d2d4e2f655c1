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

    /** Sends the file; answers the job as intake first reports it. */
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
