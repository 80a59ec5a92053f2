package tradetalk.bot.fake;

/**
 * What {@link FakeDiscord} returns after injecting an interaction: enough to find the REST calls the bot
 * makes for it ({@code interactions/{id}/{token}/callback}, {@code webhooks/{app}/{token}/...}).
 *
 * @param id interaction snowflake id
 * @param token interaction token
 * @param type interaction type (2 command, 3 component, 4 autocomplete)
 * @param channelId channel the interaction happened in
 * @param userId id of the user who triggered it
 */
public record InteractionHandle(String id, String token, int type, String channelId, String userId) {

    /** Path of the callback route relative to the REST base, e.g. for {@link FakeDiscord#awaitRequest}. */
    public String callbackPath() {
        return "interactions/" + id + "/" + token + "/callback";
    }
}
