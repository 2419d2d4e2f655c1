package io.wenzheng.intake.importing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.EventType;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.citizen.ContactVault;
import io.wenzheng.intake.citizen.PiiRedaction;
import io.wenzheng.intake.petition.PetitionIds;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.intake.petition.PlainText;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.IdleBackoff;
import io.wenzheng.kit.PollingLoop;
import io.wenzheng.kit.outbox.Outbox;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Takes over an earlier system's petitions. Every line is checked and stored first, in one transaction; then a loop
 * imports them in time order, a chunk per transaction (petition, history, outbox and the line's mark together), so a
 * crash resumes where it stopped and repeats nothing.
 */
@ApplicationScoped
public class HistoryImport {
    private static final Logger LOG = Logger.getLogger(HistoryImport.class);

    @Inject
    Clock clock;
    private final Outbox outbox;
    private final ContactVault vault;
    private final IntakeConfig.Imports config;
    private final String source;
    private PollingLoop<Integer> loop;

    @Inject
    public HistoryImport(Outbox outbox, ContactVault vault, IntakeConfig config, KitConfig kit) {
        this.outbox = outbox;
        this.vault = vault;
        this.config = config.imports();
        this.source = kit.service() + "/import";
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        // An import that is started wakes the loop itself; the idle rounds only find one left by a crashed instance.
        IdleBackoff idle = new IdleBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        loop = new PollingLoop<>(vertx, "history import", this::round,
                done -> done > 0 ? idle.busy(Duration.ZERO) : idle.idle(), Duration.ofSeconds(2));
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Checks the file and stores its new valid lines; the import itself runs after the answer. */
    public Uni<ImportJob> create(String content, String createdBy) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ImportFile.Parsed parsed = new ImportFile(config.zone(), now).parse(content);
        if (parsed.records().isEmpty() && parsed.rejections().size() == 1 && parsed.rejections().get(0).line() == 1
                && parsed.format() == ImportFile.Format.TSV) {
            throw ProblemException.invalid("body", parsed.rejections().get(0).reason());
        }
        ImportJob job = new ImportJob();
        job.id = PetitionIds.newId(now);
        job.createdBy = createdBy;
        job.format = parsed.format();
        job.status = ImportJob.Status.RUNNING;
        job.total = parsed.total();
        job.rejected = parsed.rejections().size();
        job.rejections = ImportJobView.rejectionsJson(parsed.rejections());
        job.createdAt = now;
        List<ImportLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ImportRecord record : parsed.records()) {
            String key = record.key();
            if (!seen.add(key)) {
                continue;
            }
            ImportLine line = new ImportLine();
            line.key = key;
            line.jobId = job.id;
            line.lineNo = record.line();
            line.receivedAt = record.receivedAt();
            try {
                line.record = EventJson.mapper().writeValueAsString(record);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            lines.add(line);
        }
        return Panache.withTransaction(() -> known(lines).chain(known -> {
            List<ImportLine> fresh = lines.stream().filter(l -> !known.contains(l.key)).toList();
            job.accepted = fresh.size();
            job.duplicates = parsed.records().size() - fresh.size();
            if (fresh.isEmpty()) {
                job.status = ImportJob.Status.DONE;
                job.finishedAt = now;
            }
            return job.persist().chain(() -> fresh.isEmpty() ? Uni.createFrom().voidItem() : ImportLine.persist(fresh)).replaceWith(job);
        })).onFailure(org.hibernate.exception.ConstraintViolationException.class).transform(e -> new ProblemException(Problem.of(409,
                "Imported at the same time", "another import is storing some of these lines right now; send the file again when it is done")))
                .invoke(() -> loop.wakeUp(Duration.ZERO));
    }

    private static Uni<Set<String>> known(List<ImportLine> lines) {
        List<String> keys = lines.stream().map(l -> l.key).toList();
        Uni<Set<String>> all = Uni.createFrom().item(new HashSet<>());
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + 1000));
            all = all.chain(found -> Panache.getSession().chain(s -> s.createQuery("select l.key from ImportLine l where l.key in :keys", String.class)
                    .setParameter("keys", slice).getResultList()).map(k -> {
                        found.addAll(k);
                        return found;
                    }));
        }
        return all;
    }

    /** One chunk of the oldest running import; the number of petitions it imported. */
    Uni<Integer> round() {
        return Panache.withTransaction(() -> ImportJob.<ImportJob>find("status = ?1 order by createdAt", ImportJob.Status.RUNNING).firstResult()
                .chain(found -> found == null ? Uni.createFrom().item(0)
                        : ImportJob.<ImportJob>findById(found.id, LockModeType.PESSIMISTIC_WRITE).chain(this::chunk)));
    }

    private Uni<Integer> chunk(ImportJob job) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (job.status != ImportJob.Status.RUNNING) {
            return Uni.createFrom().item(0); // another replica finished it while this one waited for the lock
        }
        if (job.startedAt == null) {
            job.startedAt = now;
        }
        return ImportLine.<ImportLine>find("jobId = ?1 and petitionId is null order by receivedAt, lineNo", job.id)
                .page(0, config.chunkSize()).list()
                .chain(lines -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ImportLine line : lines) {
                        chain = chain.chain(() -> importOne(line, job.id, now));
                    }
                    return chain.map(ignored -> {
                        job.imported += lines.size();
                        if (lines.size() < config.chunkSize()) {
                            job.status = ImportJob.Status.DONE;
                            job.finishedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            LOG.infof("import %s done: %d imported, %d duplicates, %d rejected", job.id, job.imported, job.duplicates, job.rejected);
                        }
                        return lines.size();
                    });
                });
    }

    private Uni<Void> importOne(ImportLine line, String jobId, Instant now) {
        ImportRecord record;
        try {
            record = EventJson.mapper().readValue(line.record, ImportRecord.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("import line " + line.key + " cannot be read back", e);
        }
        PetitionRow row = new PetitionRow();
        row.id = PetitionIds.newId(record.receivedAt());
        row.trackingCode = PetitionIds.newTrackingCode();
        row.channel = record.channel();
        String subject = record.subject() == null ? null : PlainText.clean(record.subject()).strip();
        String text = PlainText.clean(record.text()).strip();
        row.subject = subject == null || subject.isEmpty() ? null : PiiRedaction.redact(subject);
        row.text = PiiRedaction.redact(text);
        boolean redacted = !row.text.equals(text) || !java.util.Objects.equals(row.subject, subject == null || subject.isEmpty() ? null : subject);
        if (record.citizen() != null || redacted) {
            var sealed = EventJson.mapper().createObjectNode();
            if (redacted) {
                sealed.put("originalSubject", subject).put("originalText", text);
            }
            if (record.citizen() != null) {
                sealed.put("platformId", record.citizen());
                row.citizenRef = vault.citizenRef(record.channel(), record.citizen());
            }
            row.contactSealed = vault.encrypt(sealed.toString());
        }
        row.receivedAt = record.receivedAt();
        row.updatedAt = now;
        row.importJob = jobId;
        row.importedAt = now;
        List<ImportedHistory.Step> steps = ImportedHistory.steps(record,
                new ImportedHistory.Identity(row.id, row.trackingCode, row.subject, row.text, row.citizenRef), jobId);
        row.status = ImportedHistory.status(steps);
        line.petitionId = row.id;
        Uni<Void> chain = row.persist().replaceWithVoid();
        for (ImportedHistory.Step step : steps) {
            chain = chain.chain(() -> outbox.append(step.event(), step.at())
                    .chain(stored -> PetitionIntake.record(stored.eventId(), EventType.of(step.event()).type(), source, step.at(),
                            EventJson.write(step.event()), row.id)));
        }
        return chain;
    }

    public Uni<ImportJob> find(String id) {
        return Panache.withSession(() -> ImportJob.findById(id));
    }

    public Uni<List<ImportJob>> recent() {
        return Panache.withSession(() -> ImportJob.<ImportJob>find("order by createdAt desc").page(0, 50).list());
    }

    public Uni<List<ImportLine>> lines(String jobId, int page, int size) {
        return Panache.withSession(() -> ImportLine.<ImportLine>find("jobId = ?1 order by lineNo", jobId).page(page, size).list());
    }
}
