package io.wenzheng.intake.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import io.wenzheng.contracts.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An import as its administrator follows it.
 *
 * @param ratePerSecond petitions imported per second so far, once the import has started
 * @param rejections    the first thousand rejected lines with their reasons
 */
public record ImportJobView(String id, ImportJob.Status status, ImportFile.Format format, int total, int accepted, int rejected,
                            int duplicates, int imported, double percent, Double ratePerSecond, Instant createdAt, Instant startedAt,
                            Instant finishedAt, String createdBy, List<ImportFile.Rejection> rejections) {

    static final int REJECTIONS_KEPT = 1000;

    static ImportJobView of(ImportJob job, Instant now) {
        Double rate = null;
        if (job.startedAt != null && job.imported > 0) {
            Instant end = job.finishedAt != null ? job.finishedAt : now;
            double seconds = Math.max(0.001, Duration.between(job.startedAt, end).toMillis() / 1000.0);
            rate = Math.round(job.imported / seconds * 10) / 10.0;
        }
        double percent = job.accepted == 0 ? 100.0 : Math.floor(1000.0 * job.imported / job.accepted) / 10.0;
        return new ImportJobView(job.id, job.status, job.format, job.total, job.accepted, job.rejected, job.duplicates, job.imported,
                percent, rate, job.createdAt, job.startedAt, job.finishedAt, job.createdBy, rejections(job.rejections));
    }

    static List<ImportFile.Rejection> rejections(String json) {
        try {
            return json == null ? List.of() : EventJson.mapper().readValue(json, new TypeReference<List<ImportFile.Rejection>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt rejections", e);
        }
    }

    static String rejectionsJson(List<ImportFile.Rejection> rejections) {
        try {
            return EventJson.mapper().writeValueAsString(rejections.subList(0, Math.min(REJECTIONS_KEPT, rejections.size())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
