package io.wenzheng.intake.importing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A valid line waiting to be imported, or the petition it became. */
@Entity
@Table(name = "import_line")
public class ImportLine extends PanacheEntityBase {
    @Id
    @Column(name = "import_key")
    public String key;
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "line_no")
    public int lineNo;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** The {@link ImportRecord} as JSON. */
    @Column(columnDefinition = "text")
    public String record;
    /** Set in the transaction that imports the line. */
    @Column(name = "petition_id")
    public String petitionId;
}
