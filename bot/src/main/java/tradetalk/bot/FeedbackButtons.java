package tradetalk.bot;

import java.time.Clock;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import tradetalk.answer.UserError;

/** The Helpful / Not helpful buttons under answers: one vote per member per answer, stored durably. */
public final class FeedbackButtons implements ButtonHandler {

    private final FeedbackStore store;
    private final Answering answering;
    private final Clock clock;

    public FeedbackButtons(FeedbackStore store, Answering answering, Clock clock) {
        this.store = store;
        this.answering = answering;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return Answering.FEEDBACK_PREFIX;
    }

    @Override
    public boolean editsMessage() {
        return false;
    }

    @Override
    public void click(ButtonInteractionEvent event, InteractionHook hook) {
        String[] parts = event.getComponentId().split(":");
        if (parts.length != 3 || !(parts[2].equals("up") || parts[2].equals("down"))) {
            throw new UserError("This button is not one I know; ask again to get a fresh answer.");
        }
        String answerId = parts[1];
        boolean helpful = parts[2].equals("up");
        Answering.Answered context = answering
                .recent(answerId)
                .or(() ->
                        store.anyVote(answerId).map(v -> new Answering.Answered(v.question(), v.answer(), v.sources())))
                .orElseGet(() -> new Answering.Answered("", event.getMessage().getContentRaw(), List.of()));
        String userId = event.getUser().getId();
        boolean changed =
                store.vote(answerId, userId).map(v -> v.helpful() != helpful).orElse(false);
        FeedbackStore.Tally tally = store.record(new FeedbackStore.Vote(
                answerId, userId, helpful, clock.instant(), context.question(), context.answer(), context.sources()));
        String message = (changed ? "Changed your vote to " : "Thanks, recorded your vote: ")
                + (helpful ? "helpful" : "not helpful") + ". (" + tally.helpful() + " helpful, " + tally.notHelpful()
                + " not helpful so far.)";
        hook.editOriginal(Messages.edit(message)).complete();
    }
}
