package io.wenzheng.intake.importing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import of an earlier system's petitions: what was checked, what was turned away, and how far it has come. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {
    public enum Status { RUNNING, DONE }

    @Id
    public String id;
    @Column(name = "created_by")
    public String createdBy;
    @Enumerated(EnumType.STRING)
    public ImportFile.Format format;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** Lines in the file, the header and blank lines not counted. */
    public int total;
    /** Valid and new: these are (being) imported. */
    public int accepted;
    public int rejected;
    /** Valid, but imported before (by this file or an earlier one): imported once. */
    public int duplicates;
    public int imported;
    @Column(columnDefinition = "text")
    public String rejections;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
