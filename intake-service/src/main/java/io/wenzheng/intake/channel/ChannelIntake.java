package io.wenzheng.intake.channel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.intake.petition.PetitionSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Files a platform message as a petition once, however often the platform delivers it. */
@ApplicationScoped
public class ChannelIntake {
    private final PetitionIntake intake;

    @Inject
    public ChannelIntake(PetitionIntake intake) {
        this.intake = intake;
    }

    /** The tracking code of the petition the message became, filing it on its first delivery. */
    public Uni<String> file(PetitionSubmission submission, ChannelOrigin origin) {
        Channel channel = submission.channel();
        ChannelMessage.Key key = new ChannelMessage.Key(channel, origin.account(), origin.messageId());
        Uni<String> existing = Panache.withSession(() -> ChannelMessage.<ChannelMessage>findById(key))
                .map(m -> m == null ? null : m.trackingCode);
        return existing.chain(found -> found != null
                ? Uni.createFrom().item(found)
                : intake.submit(submission, origin).map(receipt -> receipt.trackingCode())
                        // A retry racing the first delivery loses on the primary key; the winner's code answers both.
                        .onFailure().recoverWithUni(failure -> existing.map(again -> {
                            if (again == null) {
                                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
                            }
                            return again;
                        })));
    }
}
