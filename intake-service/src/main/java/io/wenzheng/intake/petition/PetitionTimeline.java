package io.wenzheng.intake.petition;

import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.DeadlineBreached;
import io.wenzheng.contracts.DeadlineSet;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.PetitionRouted;
import io.wenzheng.contracts.TriageRequired;
import io.wenzheng.kit.KitConfig;
import io.wenzheng.kit.inbox.ConsumedEvent;
import io.wenzheng.kit.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Follows what routing and SLA say about our petitions, so that one GET tells the whole story. */
@ApplicationScoped
public class PetitionTimeline {
    private final EventConsumer consumer;
    private final String self;
    private final io.wenzheng.intake.unitfeed.UnitFeed feed;

    @Inject
    public PetitionTimeline(EventConsumer consumer, KitConfig kit, io.wenzheng.intake.unitfeed.UnitFeed feed) {
        this.consumer = consumer;
        this.self = kit.service();
        this.feed = feed;
    }

    @Incoming("lifecycle-in")
    public Uni<Void> lifecycle(Message<String> message) {
        return consumer.consume(message, "intake-timeline", this::othersEvent, this::apply);
    }

    @Incoming("sla-in")
    public Uni<Void> sla(Message<String> message) {
        return consumer.consume(message, "intake-timeline", this::othersEvent, this::apply);
    }

    /** Our own events entered the history when we wrote them. */
    private boolean othersEvent(ConsumedEvent event) {
        return !self.equals(event.source());
    }

    Uni<Void> apply(ConsumedEvent event) {
        if (!othersEvent(event)) {
            return Uni.createFrom().voidItem();
        }
        // Locked: the lifecycle and SLA channels update the same row concurrently, and a full-row update would
        // otherwise overwrite the other channel's change with stale values.
        return PetitionRow.<PetitionRow>findById(event.petitionId(), LockModeType.PESSIMISTIC_WRITE).chain(row -> {
            if (row == null) {
                throw new IllegalArgumentException("event " + event.id() + " names unknown petition " + event.petitionId());
            }
            String unitBefore = row.unitCode;
            row.status = row.status.after(event.type());
            if (event.data() instanceof PetitionRouted routed) {
                row.category = routed.category();
                row.subcategory = routed.subcategory();
                row.districtCode = routed.districtCode();
                row.unitCode = routed.unitCode();
                row.unitName = routed.unitName();
                row.supervisingUnits = io.wenzheng.kit.security.Sight.encode(routed.supervisingUnits());
            } else if (event.data() instanceof io.wenzheng.contracts.PetitionTransferred transferred) {
                row.category = transferred.category() == null ? row.category : transferred.category();
                row.unitCode = transferred.toUnitCode();
                row.districtCode = transferred.toDistrictCode();
                row.unitName = transferred.toUnitName();
                row.supervisingUnits = io.wenzheng.kit.security.Sight.encode(transferred.toSupervisingUnits());
            } else if (event.data() instanceof TriageRequired triaged) {
                row.category = triaged.suggestedCategory();
            } else if (event.data() instanceof DeadlineSet deadline && deadline.pledge() == io.wenzheng.contracts.Pledge.FIRST_RESPONSE) {
                row.firstResponseDue = deadline.dueAt();
                row.timeBasis = deadline.timeBasis();
            } else if (event.data() instanceof DeadlineBreached breached && breached.pledge() == io.wenzheng.contracts.Pledge.FIRST_RESPONSE) {
                row.overdue = true;
            }
            row.updatedAt = Instant.now();
            return PetitionIntake.record(event.id(), event.type().type(), event.source(), event.time(),
                            EventJson.write(event.data()), row.id)
                    .chain(() -> io.wenzheng.intake.unitfeed.ClockRow.follow(row.id, event.data()))
                    .chain(() -> feed.tell(row, unitBefore, event.id(), event.data(), event.time()));
        });
    }
}
