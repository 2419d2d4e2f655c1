package io.wenzheng.routing.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which version of the directory file is loaded, and whether the admin API has changed it since. */
@Entity
@Table(name = "directory_version")
public class DirectoryVersion extends PanacheEntityBase {
    static final int SINGLETON = 1;

    @Id
    public int id = SINGLETON;
    @Column(nullable = false)
    public String version;
    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;
    @Column(name = "edited_at")
    public Instant editedAt;
}
